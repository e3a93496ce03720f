package ftop.core.dataset;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Makes realistic data: the demo workspace, and (seeded, reproducible) sets at the scales FTOP is
 * designed for. Every row it makes passes {@link ftop.core.validation.Validator} against a
 * {@link DatasetValidationContext} of the same set, on the {@code today} it was made for.
 */
public final class DatasetGenerator {

    private DatasetGenerator() {
    }

    /**
     * The demo workspace: the portfolio of {@link DemoUsers#DEMO_USER}, 25 customers named after
     * the Microsoft fictitious companies (Contoso, Fabrikam, Northwind Traders...), each with tenants
     * (one winner), health, 3 to 8 Enterprise Status notes, customer and Microsoft contacts,
     * assignments, usage and forecasts for four quarters. Customers span every health colour, and
     * relative to {@code today} some reviews are overdue, some due within a week and some further out.
     * The same day always gives the same workspace.
     */
    public static Dataset demo(LocalDate today) {
        return DemoWorkspace.build(Objects.requireNonNull(today, "today"));
    }
}

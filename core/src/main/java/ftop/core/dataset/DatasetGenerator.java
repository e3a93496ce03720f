package ftop.core.dataset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Makes realistic data: the demo workspace, and (seeded, reproducible) sets at the scales FTOP is
 * designed for. Every row it makes passes {@link ftop.core.validation.Validator} against a
 * {@link DatasetValidationContext} of the same set, on the {@code today} it was made for.
 *
 * <p>Usage figures are shaped to land on chosen colours under {@link ftop.core.health.HealthRules#defaults()};
 * under a different rules file the same figures may read as other colours. Ids never depend on
 * {@code today}: a set made on a later day has the same customers, tenants, contacts, assignments
 * and notes, only with dates moved along.
 */
public final class DatasetGenerator {

    /**
     * The sizes of generated sets, as DESIGN.md gives them. Users come on top: the demo users, a
     * regional lead per region, and enough FMs, FTAs, engineers, partners, Gateway staff and
     * Customer Success Managers for the assignments (an FM carries about 25 customers).
     */
    public enum Scale {
        /** A regional lead's cache: 1,500 customers, 6,000 tenants, 5,000 contacts, 10,000 assignments, 30,000 notes. */
        S1500(1_500, 6_000, 5_000, 10_000, 30_000),
        /** The central server: 20,000 customers, 100,000 tenants, and the rest in proportion to the S1500. */
        SERVER(20_000, 100_000, 66_000, 133_000, 400_000);

        private final int customers;
        private final int tenants;
        private final int contacts;
        private final int assignments;
        private final int notes;

        Scale(int customers, int tenants, int contacts, int assignments, int notes) {
            this.customers = customers;
            this.tenants = tenants;
            this.contacts = contacts;
            this.assignments = assignments;
            this.notes = notes;
        }

        /** Customers, each with one health record, and usage of six workloads unless the feed has none yet. */
        public int customers() {
            return customers;
        }

        /** Tenants, at least one per customer. */
        public int tenants() {
            return tenants;
        }

        /** Customer and Microsoft contacts, at least one per customer. */
        public int contacts() {
            return contacts;
        }

        /** Assignments, at least the primary FM of every customer. */
        public int assignments() {
            return assignments;
        }

        /** Enterprise Status notes, all on winner tenants. */
        public int notes() {
            return notes;
        }
    }

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

    /**
     * A generated set of {@code scale}: exactly the scale's customers, tenants, contacts, assignments
     * and notes, a health record per customer, usage and four quarters of forecasts for the customers
     * the usage feed knows (all but about one in a hundred), and the users the assignments need. The
     * same seed and day always give an equal set; a different seed gives different rows.
     *
     * <p>Like real data it is not uniform: customer sizes vary widely, about one customer in a hundred
     * has no winner tenant yet (and so no Enterprise Status), a few have never been reviewed, and the
     * health colours and review states are spread as in a live portfolio.
     */
    public static Dataset generate(Scale scale, long seed, LocalDate today) {
        Lists all = new Lists();
        generate(scale, seed, today, Integer.MAX_VALUE, all::add);
        return all.toDataset();
    }

    /**
     * The set {@link #generate(Scale, long, LocalDate)} makes, handed over in chunks of at most
     * {@code customersPerChunk} customers with all their rows, so that a large set can be loaded or
     * sent without holding it all at once. The users come with the first chunk; a chunk never refers
     * to a row of a later one, and the chunks together equal the whole set.
     *
     * @throws IllegalArgumentException when {@code customersPerChunk} is not positive
     */
    public static void generate(Scale scale, long seed, LocalDate today, int customersPerChunk,
            Consumer<Dataset> sink) {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(sink, "sink");
        if (customersPerChunk <= 0) {
            throw new IllegalArgumentException("A chunk holds at least one customer, not " + customersPerChunk);
        }
        ScaleDataset.generate(scale, seed, today, customersPerChunk, sink);
    }

    /** Chunks joined back into one set. */
    private static final class Lists {
        private final List<Dataset> chunks = new ArrayList<>();

        void add(Dataset chunk) {
            chunks.add(chunk);
        }

        Dataset toDataset() {
            if (chunks.size() == 1) {
                return chunks.get(0);
            }
            return new Dataset(join(Dataset::users), join(Dataset::customers), join(Dataset::tenants),
                    join(Dataset::health), join(Dataset::notes), join(Dataset::contacts), join(Dataset::assignments),
                    join(Dataset::usage), join(Dataset::forecasts));
        }

        private <T> List<T> join(Function<Dataset, List<T>> part) {
            List<T> out = new ArrayList<>();
            chunks.forEach(c -> out.addAll(part.apply(c)));
            return out;
        }
    }
}

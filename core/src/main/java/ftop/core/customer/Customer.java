package ftop.core.customer;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The organisation that owns the Microsoft 365 services, identified by its top parent ID (TPID).
 *
 * @param tpid          top parent ID, positive
 * @param name          the customer's name, e.g. "Contoso"
 * @param segment       S500, S1500, W2020 or other
 * @param region        the region the customer belongs to (master data)
 * @param vertical      the customer's industry (master data)
 * @param area          the sales area inside the region, free text such as "US East"
 * @param phase         where the customer stands in the lifecycle
 * @param renewalDates  subscription renewal dates, earliest first
 */
public record Customer(
        long tpid,
        String name,
        Segment segment,
        Region region,
        Vertical vertical,
        String area,
        LifecyclePhase phase,
        List<LocalDate> renewalDates) {

    public Customer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(vertical, "vertical");
        Objects.requireNonNull(phase, "phase");
        area = area == null ? "" : area;
        renewalDates = renewalDates == null ? List.of() : renewalDates.stream().sorted().toList();
    }
}

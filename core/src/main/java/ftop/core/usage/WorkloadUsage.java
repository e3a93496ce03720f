package ftop.core.usage;

import ftop.core.health.Workload;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Active against entitled usage of one workload for one customer, as the usage feed reports it.
 *
 * @param tpid     the customer
 * @param workload the workload
 * @param active   active users (or activated devices for Windows 10 and Office ProPlus)
 * @param entitled entitled users or devices
 * @param asOf     the date the feed measured it
 */
public record WorkloadUsage(long tpid, Workload workload, long active, long entitled, LocalDate asOf) {

    public WorkloadUsage {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(asOf, "asOf");
    }

    /** The stable id of the row: one per customer and workload. */
    public String id() {
        return tpid + ":" + workload.name();
    }

    /** Active over entitled, from 0; empty when nothing is entitled. */
    public OptionalDouble ratio() {
        return entitled <= 0 ? OptionalDouble.empty() : OptionalDouble.of((double) active / entitled);
    }
}

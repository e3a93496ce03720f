package ftop.core.usage;

import ftop.core.health.Workload;
import java.util.Objects;

/**
 * The projected active usage of one workload for one customer at the end of a quarter, as the
 * health owner forecasts it.
 *
 * @param tpid            the customer
 * @param workload        the workload
 * @param quarter         the quarter the projection is for
 * @param projectedActive projected active users or devices
 */
public record Forecast(long tpid, Workload workload, Quarter quarter, long projectedActive) {

    public Forecast {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(quarter, "quarter");
    }

    /** The stable id of the row: one per customer, workload and quarter. */
    public String id() {
        return tpid + ":" + workload.name() + ":" + quarter;
    }
}

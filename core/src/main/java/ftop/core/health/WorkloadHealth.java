package ftop.core.health;

/**
 * The measured health of one workload of one customer.
 *
 * @param workload the workload
 * @param active   active users or devices
 * @param entitled entitled users or devices, above zero
 * @param colour   the colour the rules give its usage
 */
public record WorkloadHealth(Workload workload, long active, long entitled, HealthColour colour) {

    /** Active over entitled; above 1 when more are active than entitled. */
    public double ratio() {
        return (double) active / entitled;
    }

    /** The usage as a whole percentage, rounded down so that 59.9% never reads as 60%. */
    public int percent() {
        return (int) Math.floor(ratio() * 100 + 1e-9);
    }
}

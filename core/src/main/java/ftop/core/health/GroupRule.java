package ftop.core.health;

/** How the colour of a workload group derives from its workloads. */
public enum GroupRule {
    /**
     * The group takes the worst colour among its workloads that have usage data: a group is only
     * as healthy as its weakest service.
     */
    WORST_WORKLOAD,
    /**
     * The group's workloads are added up (all active over all entitled, for the workloads that
     * have something entitled) and the total is judged against the group's own thresholds.
     */
    COMBINED_USAGE
}

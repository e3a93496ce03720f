package ftop.core.health;

import ftop.core.Labelled;

/** A Microsoft 365 workload whose usage counts towards customer health, with its group. */
public enum Workload implements Labelled {
    EXCHANGE("Exchange", WorkloadGroup.GROUP_1),
    ODSP("ODSP (OneDrive/SharePoint)", WorkloadGroup.GROUP_1),
    WINDOWS_10("Windows 10", WorkloadGroup.GROUP_2),
    OFFICE_PROPLUS("Office ProPlus", WorkloadGroup.GROUP_2),
    AADP("Azure Active Directory Premium (AADP)", WorkloadGroup.GROUP_3),
    INTUNE("Intune", WorkloadGroup.GROUP_3);

    private final String label;
    private final WorkloadGroup group;

    Workload(String label, WorkloadGroup group) {
        this.label = label;
        this.group = group;
    }

    @Override
    public String label() {
        return label;
    }

    public WorkloadGroup group() {
        return group;
    }
}

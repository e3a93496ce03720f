package ftop.core.health;

import ftop.core.Labelled;
import java.util.Arrays;
import java.util.List;

/** The three workload groups of the Customer Health motion. */
public enum WorkloadGroup implements Labelled {
    GROUP_1("Group 1"),
    GROUP_2("Group 2"),
    GROUP_3("Group 3");

    private final String label;

    WorkloadGroup(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** 1, 2 or 3, as the brief says it ("groups 1, 2 &amp; 3"). */
    public int number() {
        return ordinal() + 1;
    }

    public List<Workload> workloads() {
        return Arrays.stream(Workload.values()).filter(w -> w.group() == this).toList();
    }
}

package ftop.core;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.assignment.Role;
import ftop.core.customer.Vertical;
import ftop.core.health.CustomerStatus;
import ftop.core.health.HealthColour;
import ftop.core.health.Workload;
import org.junit.jupiter.api.Test;

class LabelledTest {

    @Test
    void parsesTheLabel() {
        assertThat(Labelled.parse(CustomerStatus.class, "Blocked Technical")).contains(CustomerStatus.BLOCKED_TECHNICAL);
        assertThat(Labelled.parse(Workload.class, "ODSP (OneDrive/SharePoint)")).contains(Workload.ODSP);
        assertThat(Labelled.parse(Vertical.class, "Health & Life Sciences")).contains(Vertical.HEALTH_LIFE_SCIENCES);
    }

    @Test
    void parsesTheConstantName() {
        assertThat(Labelled.parse(CustomerStatus.class, "BLOCKED_TECHNICAL")).contains(CustomerStatus.BLOCKED_TECHNICAL);
        assertThat(Labelled.parse(Role.class, "FTA")).contains(Role.FTA);
    }

    @Test
    void ignoresCaseAndSurroundingBlanks() {
        assertThat(Labelled.parse(CustomerStatus.class, "  no intent ")).contains(CustomerStatus.NO_INTENT);
        assertThat(Labelled.parse(HealthColour.class, "yellow")).contains(HealthColour.YELLOW);
        assertThat(Labelled.parse(Role.class, "fasttrack manager")).contains(Role.FM);
    }

    @Test
    void unknownTextAndNullAreEmpty() {
        assertThat(Labelled.parse(CustomerStatus.class, "Stuck")).isEmpty();
        assertThat(Labelled.parse(CustomerStatus.class, "")).isEmpty();
        assertThat(Labelled.parse(CustomerStatus.class, null)).isEmpty();
        assertThat(Labelled.parse(HealthColour.class, "Purple")).isEmpty();
    }
}

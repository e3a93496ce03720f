package ftop.app.customer;

import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.material2.Material2AL;

import ftop.app.widgets.HealthChip;
import ftop.core.health.HealthAssessment;
import ftop.core.health.Workload;
import ftop.core.health.WorkloadGroup;
import ftop.core.health.WorkloadHealth;

/**
 * The Workload health card: groups 1 to 3, each workload's active against entitled usage, its
 * percentage and colour, each group's colour and the overall colour.
 */
final class WorkloadWidget extends VBox {

    private final HealthChip overall = new HealthChip();
    private final VBox body = new VBox(10);

    WorkloadWidget() {
        overall.setId("workloadOverallHealth");
        Label overallLabel = new Label("Overall");
        overallLabel.getStyleClass().add(Styles.TEXT_MUTED);
        HBox overallBox = new HBox(6, overallLabel, overall);
        overallBox.setAlignment(Pos.CENTER_RIGHT);
        Cards.dress(this, "workloadSection", "Workload health", Material2AL.INSIGHTS, overallBox);
        body.setId("workloadHealth");
        getChildren().add(body);
    }

    void show(HealthAssessment assessment) {
        overall.setColour(assessment.overall());
        body.getChildren().clear();
        if (assessment.isEmpty()) {
            body.getChildren().add(Cards.muted("No usage data for this customer yet."));
            return;
        }
        // three equal columns, one per group; each workload on two lines so long names never clip
        GridPane groups = new GridPane();
        groups.setHgap(20);
        for (int i = 0; i < WorkloadGroup.values().length; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / WorkloadGroup.values().length);
            groups.getColumnConstraints().add(column);
        }
        int col = 0;
        for (WorkloadGroup group : WorkloadGroup.values()) {
            HealthChip groupChip = new HealthChip();
            groupChip.setId("group" + group.number() + "Health");
            groupChip.setColour(assessment.group(group));
            Label groupTitle = new Label(group.label());
            groupTitle.getStyleClass().add(Styles.TEXT_BOLD);
            VBox box = new VBox(10, new VBox(4, groupTitle, groupChip));
            box.getStyleClass().add("workload-group");
            for (Workload workload : group.workloads()) {
                HealthChip chip = new HealthChip();
                chip.setId("workload-" + workload.name());
                var health = assessment.workload(workload);
                chip.setColour(health.map(WorkloadHealth::colour));
                health.ifPresent(h -> chip.descriptionProperty().set(usageText(h)));
                Label name = new Label(workload.label());
                name.setWrapText(true);
                Label usage = new Label(health.map(WorkloadWidget::usageText).orElse("no usage data"));
                usage.setId("usage-" + workload.name());
                usage.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                usage.setWrapText(true);
                box.getChildren().add(new VBox(3, name, chip, usage));
            }
            groups.add(box, col++, 0);
        }
        body.getChildren().add(groups);
    }

    static String usageText(WorkloadHealth health) {
        return String.format(Locale.US, "%d%% · %,d of %,d", health.percent(), health.active(), health.entitled());
    }
}

package ftop.app.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.material2.Material2AL;

import ftop.app.widgets.DateText;
import ftop.app.widgets.HealthChip;
import ftop.app.widgets.TrendChart;
import ftop.core.health.HealthAssessment;
import ftop.core.health.HealthColour;
import ftop.core.health.UsageTrend;
import ftop.core.health.Workload;
import ftop.core.health.WorkloadGroup;
import ftop.core.health.WorkloadHealth;

/**
 * The Workload health card: groups 1 to 3, each workload's active against entitled usage, its
 * percentage and colour, each group's colour and the overall colour; below them the trend of the
 * overall usage over the last twelve months, from the server's history.
 */
final class WorkloadWidget extends VBox {


    private final HealthChip overall = new HealthChip();
    private final VBox body = new VBox(10);
    private final UsageTrendModel trendModel;
    private final TrendChart chart = new TrendChart();
    private final Label trendNote = new Label();
    private final VBox trendBox;

    WorkloadWidget(UsageTrendModel trendModel) {
        this.trendModel = trendModel;
        overall.setId("workloadOverallHealth");
        Label overallLabel = new Label("Overall");
        overallLabel.getStyleClass().add(Styles.TEXT_MUTED);
        HBox overallBox = new HBox(6, overallLabel, overall);
        overallBox.setAlignment(Pos.CENTER_RIGHT);
        Cards.dress(this, "workloadSection", "Workload health", Material2AL.INSIGHTS, overallBox);
        body.setId("workloadHealth");

        chart.setId("workloadTrend");
        chart.setPrefHeight(170);
        chart.setMinHeight(150);
        trendNote.setId("workloadTrendNote");
        trendNote.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        trendNote.setWrapText(true);
        Label trendTitle = new Label("Overall usage, last 12 months");
        trendTitle.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox trendHeader = new HBox(8, trendTitle, spacer, trendNote);
        trendHeader.setAlignment(Pos.BASELINE_LEFT);
        trendBox = new VBox(2, trendHeader, chart);
        trendBox.getStyleClass().add("workload-trend");
        trendBox.managedProperty().bind(trendBox.visibleProperty());
        chart.managedProperty().bind(chart.visibleProperty());
        getChildren().addAll(body, trendBox);

        trendModel.trendProperty().addListener((obs, old, now) -> drawTrend(now));
        trendModel.noteProperty().addListener((obs, old, now) -> trendNote.setText(now));
        drawTrend(trendModel.trendProperty().get());
    }

    /** Shows the customer's workload health, and its trend as soon as it is read. */
    void show(CustomerDetails details) {
        show(details.assessment());
        trendModel.show(details.customer().tpid(), details.usage());
    }

    private void drawTrend(UsageTrend trend) {
        trendBox.setVisible(!trend.points().isEmpty());
        chart.setVisible(trend.hasHistory());
        List<TrendChart.Point> points = new ArrayList<>(trend.points().size());
        for (UsageTrend.Point point : trend.points()) {
            point.overallPercent().ifPresent(percent -> points.add(new TrendChart.Point(
                    DateText.shortMonth(point.month()), percent, point.overall(), describe(point))));
        }
        chart.setPoints(points);
    }

    /** What a point's tooltip says: the month, the overall usage and colour, then each group's. */
    static String describe(UsageTrend.Point point) {
        HealthAssessment a = point.assessment();
        StringBuilder text = new StringBuilder(DateText.month(point.month()));
        text.append("\nOverall: ").append(percentText(a.overallPercent()))
                .append(" · ").append(a.overall().map(HealthColour::label).orElse("no colour"));
        for (WorkloadGroup group : WorkloadGroup.values()) {
            text.append("\n").append(group.label()).append(": ").append(percentText(a.groupPercent(group)));
            a.group(group).ifPresent(c -> text.append(" · ").append(c.label()));
        }
        return text.toString();
    }

    private static String percentText(OptionalInt percent) {
        return percent.isPresent() ? percent.getAsInt() + "%" : "no data";
    }

    private void show(HealthAssessment assessment) {
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

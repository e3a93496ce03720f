package ftop.app.customer;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.widgets.DateText;
import ftop.app.widgets.HealthChip;
import ftop.core.health.HealthAssessment;
import ftop.core.health.Workload;
import ftop.core.health.WorkloadGroup;
import ftop.core.health.WorkloadHealth;
import ftop.core.tenant.Tenant;

/**
 * The Customer tab: pick a customer, see its name in the header as confirmation, its health form
 * (read-only for now) and its workload health.
 */
public final class CustomerView extends BorderPane {

    private final CustomerViewModel model;
    private final CustomerPicker picker;
    private final Label name = new Label();
    private final Label facts = new Label();
    private final HealthChip overall = new HealthChip();
    private final Label reviewText = new Label();
    private final GridPane progress = fieldGrid("progressFields");
    private final GridPane perspective = fieldGrid("perspectiveFields");
    private final VBox workloads = new VBox(10);
    private final VBox tenants = new VBox(6);
    private final VBox content;
    private final Label placeholder = new Label("Pick a customer to see its health.");

    public CustomerView(CustomerViewModel model) {
        this.model = model;
        setId("customerView");

        picker = new CustomerPicker(model.choices(), choice -> model.select(choice.tpid()));
        picker.setId("customerPicker");
        picker.setPrefWidth(380);
        Label pickerLabel = new Label("Customer");
        pickerLabel.setLabelFor(picker);
        HBox pickerRow = new HBox(10, pickerLabel, picker);
        pickerRow.setAlignment(Pos.CENTER_LEFT);
        pickerRow.setPadding(new Insets(12, 16, 4, 16));

        name.setId("customerName");
        name.getStyleClass().add("customer-name");
        facts.setId("customerFacts");
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        overall.setId("customerOverallHealth");
        reviewText.setId("customerReview");
        HBox healthLine = new HBox(12, new Label("Overall health"), overall, reviewText);
        healthLine.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(4, name, facts, healthLine);
        header.getStyleClass().add("customer-header");

        VBox progressCard = card("Customer Progress", "customerProgressSection", progress);
        VBox perspectiveCard = card("Customer Perspective", "customerPerspectiveSection", perspective);
        HBox.setHgrow(progressCard, Priority.ALWAYS);
        HBox.setHgrow(perspectiveCard, Priority.ALWAYS);
        progressCard.setPrefWidth(400);
        perspectiveCard.setPrefWidth(400);
        HBox healthRow = new HBox(16, progressCard, perspectiveCard);

        workloads.setId("workloadHealth");
        VBox workloadCard = card("Workload health", "workloadSection", workloads);

        tenants.setId("tenantList");
        VBox tenantCard = card("Tenants", "tenantSection", tenants);

        content = new VBox(16, header, healthRow, workloadCard, tenantCard);
        content.setPadding(new Insets(0, 16, 16, 16));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("customerScroll");

        placeholder.setId("customerPlaceholder");
        placeholder.getStyleClass().add("placeholder-text");
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(model.errorProperty().isEmpty())
                .then("Pick a customer to see its health.").otherwise(model.errorProperty()));

        setTop(pickerRow);
        setCenter(placeholder);
        model.detailsProperty().addListener((obs, old, now) -> show(now, scroll));
        model.selectedProperty().addListener((obs, old, now) -> picker.show(now));
        model.errorProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                setCenter(placeholder);
            }
        });
    }

    private void show(CustomerDetails details, Node scroll) {
        if (details == null) {
            setCenter(placeholder);
            return;
        }
        var c = details.customer();
        name.setText(c.name());
        facts.setText("TPID " + c.tpid() + "  ·  " + c.segment().label() + "  ·  " + c.region().label()
                + "  ·  " + c.vertical().label() + tenantsText(details.tenants()));
        overall.setColour(details.assessment().overall());
        String due = DateText.of(details.review().dueOn(), "no review date set");
        reviewText.getStyleClass().remove("overdue");
        if (details.review().overdue()) {
            reviewText.getStyleClass().add("overdue");
            reviewText.setGraphic(new FontIcon(Material2MZ.WARNING));
            reviewText.setText("Review overdue (" + due + ")");
        } else {
            reviewText.setGraphic(null);
            reviewText.setText("Next review " + due);
        }
        fill(progress, details.progress());
        fill(perspective, details.perspective());
        fillWorkloads(details.assessment());
        fillTenants(details.tenants());
        setCenter(scroll);
    }

    private static String tenantsText(List<Tenant> tenants) {
        return tenants.size() == 1 ? "  ·  1 tenant" : "  ·  " + tenants.size() + " tenants";
    }

    private static void fill(GridPane grid, List<FormField> fields) {
        grid.getChildren().clear();
        int row = 0;
        for (FormField field : fields) {
            Label label = new Label(field.label());
            label.getStyleClass().add("field-label");
            Label value = new Label(field.value().orElse("Not set"));
            value.setId(field.id());
            value.getStyleClass().add("field-value");
            if (field.value().isEmpty()) {
                value.getStyleClass().add("not-set");
            }
            value.setWrapText(true);
            label.setLabelFor(value);
            grid.addRow(row++, label, value);
        }
    }

    private void fillWorkloads(HealthAssessment assessment) {
        workloads.getChildren().clear();
        if (assessment.isEmpty()) {
            Label none = new Label("No usage data for this customer yet.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            workloads.getChildren().add(none);
            return;
        }
        // three equal columns, one per group; each workload on two lines so long names never clip
        GridPane groups = new GridPane();
        groups.setHgap(24);
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
            HBox title = new HBox(8, groupTitle, groupChip);
            title.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(10, title);
            for (Workload workload : group.workloads()) {
                HealthChip chip = new HealthChip();
                chip.setId("workload-" + workload.name());
                var health = assessment.workload(workload);
                chip.setColour(health.map(WorkloadHealth::colour));
                Label name = new Label(workload.label());
                name.setWrapText(true);
                Label usage = new Label(health.map(CustomerView::usageText).orElse("no usage data"));
                usage.getStyleClass().add(Styles.TEXT_MUTED);
                HBox figures = new HBox(8, chip, usage);
                figures.setAlignment(Pos.CENTER_LEFT);
                box.getChildren().add(new VBox(3, name, figures));
            }
            groups.add(box, col++, 0);
        }
        workloads.getChildren().add(groups);
    }

    private void fillTenants(List<Tenant> list) {
        tenants.getChildren().clear();
        if (list.isEmpty()) {
            Label none = new Label("No tenants for this customer yet.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            tenants.getChildren().add(none);
            return;
        }
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        for (Tenant tenant : list.stream()
                .sorted(java.util.Comparator.comparing((Tenant t) -> !t.winner()).thenComparing(Tenant::name))
                .toList()) {
            Label name = new Label(tenant.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            HBox flags = new HBox(6);
            flags.setAlignment(Pos.CENTER_LEFT);
            if (tenant.winner()) {
                FontIcon trophy = new FontIcon(Material2AL.EMOJI_EVENTS);
                trophy.getStyleClass().add("flag-icon-winner");
                flags.getChildren().add(withText(trophy, "Winner"));
            }
            if (tenant.covidRfaApproved()) {
                FontIcon covid = new FontIcon(Material2MZ.MEDICAL_SERVICES);
                covid.getStyleClass().add("flag-icon-covid");
                flags.getChildren().add(withText(covid, "COVID-19 RFA " + DateText.of(tenant.covidRfaApprovedOn(), "")));
            }
            Label level = new Label(tenant.enterpriseLevel().map(l -> l.label()).orElse(""));
            Label origin = new Label(tenant.origin().label());
            origin.getStyleClass().add(Styles.TEXT_MUTED);
            Label users = new Label(String.format(java.util.Locale.US, "%,d users", tenant.userCount()));
            users.getStyleClass().add(Styles.TEXT_MUTED);
            grid.addRow(row++, name, flags, level, users, origin);
        }
        tenants.getChildren().add(grid);
    }

    private static Label withText(FontIcon icon, String text) {
        Label label = new Label(text, icon);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        return label;
    }

    static String usageText(WorkloadHealth health) {
        return String.format(java.util.Locale.US, "%d%%  (%,d of %,d)", health.percent(), health.active(), health.entitled());
    }

    private static GridPane fieldGrid(String id) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.setHgap(16);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, values);
        return grid;
    }

    private static VBox card(String title, String id, Node body) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        heading.setGraphic(new FontIcon(switch (title) {
            case "Workload health" -> Material2AL.INSIGHTS;
            case "Tenants" -> Material2AL.DOMAIN;
            default -> Material2AL.ASSIGNMENT;
        }));
        VBox card = new VBox(10, heading, body);
        card.setId(id);
        card.getStyleClass().add("section-card");
        return card;
    }

    /** The picker, for the shell to focus. */
    public CustomerPicker picker() {
        return picker;
    }
}

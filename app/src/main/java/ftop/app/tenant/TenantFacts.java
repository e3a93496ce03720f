package ftop.app.tenant;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.widgets.HealthChip;
import ftop.core.contact.Contact;
import ftop.core.health.HealthAssessment;
import ftop.core.health.Workload;
import ftop.core.health.WorkloadGroup;
import ftop.core.health.WorkloadHealth;

/**
 * The customer-level facts the tenant view shows beside the tenant's own: the workload usage of its
 * customer (usage is measured per TPID, for all its tenants) and the customer's contacts. Built
 * from {@link TenantDetails}, read in the background; nothing here touches the store.
 *
 * <p>Ids: {@code tenantUsage} (the card), {@code tenantUsage-<WORKLOAD>} (a workload's line),
 * {@code tenantUsageOverall}; {@code tenantContacts}, {@code tenantContact-<n>}.
 */
final class TenantFacts {

    private TenantFacts() {
    }

    /** The customer's workload usage by group, each workload with active of entitled and its colour. */
    static VBox usage(TenantDetails d) {
        String customer = d.customer().map(c -> c.name()).orElse("its customer");
        VBox card = card("Workload usage of " + customer, Material2AL.INSIGHTS);
        card.setId("tenantUsage");
        HealthAssessment usage = d.usage();
        if (usage.isEmpty()) {
            card.getChildren().add(muted("No usage has been measured for " + customer + " yet."));
            return card;
        }
        Label scope = new Label("Measured for the whole TPID, across all of its tenants.");
        scope.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        scope.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints numbers = new ColumnConstraints();
        numbers.setMinWidth(Region.USE_PREF_SIZE);
        numbers.setHalignment(HPos.RIGHT);
        ColumnConstraints chip = new ColumnConstraints();
        chip.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints rest = new ColumnConstraints();
        rest.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(name, numbers, chip, rest);
        int row = 0;
        for (WorkloadGroup group : WorkloadGroup.values()) {
            Label heading = new Label(group.label());
            heading.getStyleClass().add("note-heading");
            HealthChip groupChip = new HealthChip();
            groupChip.setColour(usage.group(group));
            grid.add(heading, 0, row);
            grid.add(groupChip, 2, row);
            row++;
            for (Workload workload : group.workloads()) {
                Optional<WorkloadHealth> health = usage.workload(workload);
                Label label = new Label(workload.label());
                label.setId("tenantUsage-" + workload.name());
                Label figures = new Label(health.map(h -> String.format(Locale.US, "%,d of %,d · %d%%", h.active(),
                        h.entitled(), h.percent())).orElse("not measured"));
                figures.getStyleClass().add(Styles.TEXT_MUTED);
                HealthChip colour = new HealthChip();
                health.ifPresent(h -> colour.setColour(h.colour()));
                grid.add(label, 0, row);
                grid.add(figures, 1, row);
                grid.add(colour, 2, row);
                row++;
            }
        }
        HealthChip overall = new HealthChip();
        overall.setId("tenantUsageOverall");
        overall.setColour(usage.overall());
        Label overallLabel = new Label("Overall");
        overallLabel.getStyleClass().add(Styles.TEXT_BOLD);
        grid.add(overallLabel, 0, row);
        grid.add(overall, 2, row);
        card.getChildren().addAll(scope, grid);
        return card;
    }

    /** The customer's contacts: name, title, kind, e-mail and phone. */
    static VBox contacts(TenantDetails d) {
        String customer = d.customer().map(c -> c.name()).orElse("its customer");
        VBox card = card("Contacts of " + customer, Material2AL.CONTACTS);
        card.setId("tenantContacts");
        if (d.contacts().isEmpty()) {
            card.getChildren().add(muted("No contacts are recorded for " + customer + "."));
            return card;
        }
        int n = 0;
        for (Contact c : d.contacts()) {
            Label who = new Label(c.name() + (c.title().isBlank() ? "" : " · " + c.title()));
            who.getStyleClass().add("field-value");
            who.setMinWidth(Region.USE_PREF_SIZE);
            String reach = String.join(" · ", Stream.of(c.kind().label(), c.email(), c.phone())
                    .filter(s -> s != null && !s.isBlank()).toList());
            Label how = new Label(reach);
            how.getStyleClass().add("field-label");
            how.setWrapText(true);
            VBox line = new VBox(2, who, how);
            line.setId("tenantContact-" + n++);
            line.getStyleClass().add("tenant-contact");
            card.getChildren().add(line);
        }
        return card;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("field-value", "not-set");
        label.setWrapText(true);
        return label;
    }

    private static VBox card(String title, Ikon icon) {
        Label heading = new Label(title, new FontIcon(icon));
        heading.getStyleClass().add("section-title");
        heading.setWrapText(true);
        VBox card = new VBox(8, heading);
        card.getStyleClass().add("section-card");
        return card;
    }

    /** The icon of the link back to the customer. */
    static FontIcon customerIcon() {
        return new FontIcon(Material2MZ.OPEN_IN_NEW);
    }
}

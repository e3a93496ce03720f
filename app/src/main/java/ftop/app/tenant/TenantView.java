package ftop.app.tenant;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.widgets.DateText;
import ftop.core.Labelled;
import ftop.core.tenant.Tenant;

/**
 * The Tenant tab: one tenant's details and flags (winner trophy, COVID-19 RFA, Is Enterprise), who
 * is assigned to it, and, on the winner tenant, the customer's Enterprise Status notes newest first.
 */
public final class TenantView extends BorderPane {

    private static final DateTimeFormatter NOTE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private final TenantViewModel model;
    private final VBox content = new VBox(14);

    public TenantView(TenantViewModel model) {
        this.model = model;
        setId("tenantView");
        content.getStyleClass().add("tenant-content");

        Label empty = new Label();
        empty.setId("tenantPlaceholder");
        empty.getStyleClass().add("placeholder-text");
        empty.textProperty().bind(Bindings.when(model.errorProperty().isEmpty())
                .then("Open a tenant from the Portfolio's Tenants section (double-click or Enter).")
                .otherwise(model.errorProperty()));
        StackPane placeholder = new StackPane(empty);

        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        model.detailsProperty().addListener((obs, old, now) -> show(now));
        centerProperty().bind(Bindings.when(model.detailsProperty().isNull()).then((javafx.scene.Node) placeholder)
                .otherwise(scroll));
        show(model.detailsProperty().get());
    }

    private void show(TenantDetails d) {
        content.getChildren().clear();
        if (d == null) {
            return;
        }
        Tenant t = d.tenant();
        content.getChildren().addAll(header(d), flags(t), assignments(d), notes(d));
    }

    private VBox header(TenantDetails d) {
        Tenant t = d.tenant();
        Label name = new Label(t.name());
        name.setId("tenantName");
        name.getStyleClass().add("customer-name");
        String customer = d.customer().map(c -> c.name() + " (TPID " + c.tpid() + ")").orElse("TPID " + t.tpid());
        Label facts = new Label("Tenant ID " + t.tenantId() + "  ·  " + customer + "  ·  "
                + String.format(Locale.US, "%,d users", t.userCount()));
        facts.setId("tenantFacts");
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        Button open = new Button("Open customer", new FontIcon(Material2MZ.OPEN_IN_NEW));
        open.setId("openTenantCustomer");
        open.getStyleClass().add(Styles.SMALL);
        open.setOnAction(e -> model.openCustomer());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, name, spacer, open);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(4, top, facts);
        header.getStyleClass().add("customer-header");
        return header;
    }

    private FlowPane flags(Tenant t) {
        FlowPane flags = new FlowPane(10, 8);
        flags.setId("tenantFlags");
        flags.getStyleClass().add("tenant-flags");
        if (t.winner()) {
            flags.getChildren().add(flag("tenantWinnerFlag", Material2AL.EMOJI_EVENTS, "flag-icon-winner",
                    "Winner tenant · SLT Watchlist"));
        }
        t.covidRfaApprovedOn().ifPresent(day -> flags.getChildren().add(flag("tenantCovidFlag",
                Material2MZ.MEDICAL_SERVICES, "flag-icon-covid", "COVID-19 RFA approved " + DateText.of(day))));
        flags.getChildren().add(flag("tenantEnterprise", Material2AL.APARTMENT, null,
                "Is Enterprise: " + t.enterpriseLevel().map(Labelled::label).orElse("No")));
        flags.getChildren().add(flag("tenantOrigin", Material2AL.CALL_SPLIT, null, "Origin: " + t.origin().label()));
        return flags;
    }

    private static Label flag(String id, org.kordamp.ikonli.Ikon ikon, String iconClass, String text) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(18);
        if (iconClass != null) {
            icon.getStyleClass().add(iconClass);
        }
        Label label = new Label(text, icon);
        label.setId(id);
        label.getStyleClass().add("tenant-flag");
        return label;
    }

    private VBox assignments(TenantDetails d) {
        VBox card = card("Assigned to this tenant");
        card.setId("tenantAssignments");
        if (d.assignments().isEmpty()) {
            Label none = new Label("Nobody is assigned to this tenant; it follows the standard routing rules.");
            none.getStyleClass().addAll("field-value", "not-set");
            card.getChildren().add(none);
        }
        for (TenantDetails.AssignedPerson p : d.assignments()) {
            Label who = new Label(p.name() + (p.primary() ? " (primary)" : ""));
            who.getStyleClass().add("field-value");
            Label what = new Label(p.role() + " · " + p.area());
            what.getStyleClass().add("field-label");
            HBox line = new HBox(10, who, what);
            line.getStyleClass().add("tenant-assignment");
            card.getChildren().add(line);
        }
        return card;
    }

    private VBox notes(TenantDetails d) {
        VBox card = card("Enterprise Status");
        card.setId("tenantNotes");
        if (!d.tenant().winner()) {
            Label elsewhere = new Label(d.winnerTenant()
                    .map(w -> "Enterprise Status notes are kept on the winner tenant, " + w + ".")
                    .orElse("This customer has no winner tenant yet, so it has no Enterprise Status notes."));
            elsewhere.setId("notesElsewhere");
            elsewhere.getStyleClass().addAll("field-value", "not-set");
            elsewhere.setWrapText(true);
            card.getChildren().add(elsewhere);
            return card;
        }
        if (d.notes().isEmpty()) {
            Label none = new Label("No Enterprise Status notes yet.");
            none.getStyleClass().addAll("field-value", "not-set");
            card.getChildren().add(none);
        }
        for (TenantDetails.Note n : d.notes()) {
            Label when = new Label(NOTE_TIME.format(n.createdAt().atZone(ZoneId.systemDefault())) + " · " + n.author());
            when.getStyleClass().add("field-label");
            VBox note = new VBox(4, when);
            note.getStyleClass().add("status-note");
            addPart(note, "Executive summary", n.executiveSummary());
            addPart(note, "Risks, issues and blockers", n.risks());
            addPart(note, "Leadership awareness", n.awareness());
            card.getChildren().add(note);
        }
        return card;
    }

    private static void addPart(VBox note, String title, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        Label heading = new Label(title);
        heading.getStyleClass().add("note-heading");
        Label body = new Label(text);
        body.setWrapText(true);
        note.getChildren().addAll(heading, body);
    }

    private static VBox card(String title) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        VBox card = new VBox(8, heading);
        card.getStyleClass().add("section-card");
        return card;
    }
}

package ftop.app.customer;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.widgets.DateText;
import ftop.core.tenant.Tenant;

/**
 * The Tenants card: the customer's tenants, winner first, with their flags (the trophy of the
 * winner, the COVID-19 RFA approval, the enterprise level). Double-clicking a tenant opens it:
 * through the hook the shell sets, else as details inside the card.
 */
final class TenantsWidget extends VBox {

    private final VBox list = new VBox(4);
    private final Label details = new Label();
    private Consumer<Tenant> onOpen;

    TenantsWidget() {
        Cards.dress(this, "tenantSection", "Tenants", Material2AL.DOMAIN);
        list.setId("tenantList");
        details.setId("tenantDetails");
        details.getStyleClass().add("tenant-details");
        details.setWrapText(true);
        details.visibleProperty().bind(details.textProperty().isNotEmpty());
        details.managedProperty().bind(details.visibleProperty());
        getChildren().addAll(list, details);
    }

    void setOnOpen(Consumer<Tenant> action) {
        onOpen = action;
    }

    void show(List<Tenant> tenants) {
        list.getChildren().clear();
        details.setText("");
        if (tenants.isEmpty()) {
            list.getChildren().add(Cards.muted("No tenants for this customer yet."));
            return;
        }
        int i = 0;
        for (Tenant tenant : tenants) {
            list.getChildren().add(row(tenant, i++));
        }
    }

    private HBox row(Tenant tenant, int index) {
        Label name = new Label(tenant.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        HBox flags = new HBox(6);
        flags.setAlignment(Pos.CENTER_LEFT);
        if (tenant.winner()) {
            FontIcon trophy = new FontIcon(Material2AL.EMOJI_EVENTS);
            trophy.getStyleClass().add("flag-icon-winner");
            Label winner = new Label("Winner", trophy);
            winner.setId("tenantWinner" + index);
            winner.getStyleClass().add(Styles.TEXT_SMALL);
            winner.setTooltip(new Tooltip("SLT Watchlist: this tenant carries the Enterprise Status for the whole TPID"));
            flags.getChildren().add(winner);
        }
        if (tenant.covidRfaApproved()) {
            FontIcon covid = new FontIcon(Material2MZ.MEDICAL_SERVICES);
            covid.getStyleClass().add("flag-icon-covid");
            Label rfa = new Label("COVID-19 RFA " + DateText.of(tenant.covidRfaApprovedOn(), ""), covid);
            rfa.setId("tenantCovid" + index);
            rfa.getStyleClass().add(Styles.TEXT_SMALL);
            flags.getChildren().add(rfa);
        }
        VBox text = new VBox(2, new HBox(8, name, flags));
        Label facts = new Label(String.format(Locale.US, "%s%,d users · %s",
                tenant.enterpriseLevel().map(l -> l.label() + " · ").orElse(""), tenant.userCount(), tenant.origin().label()));
        facts.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        text.getChildren().add(facts);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, text, spacer);
        row.setId("tenantRow" + index);
        row.getStyleClass().add("tenant-row");
        row.setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(row, new Tooltip("Double-click to open " + tenant.name()));
        row.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                open(tenant);
            }
        });
        return row;
    }

    void open(Tenant tenant) {
        if (onOpen != null) {
            onOpen.accept(tenant);
            return;
        }
        details.setText(tenant.name() + "\nTenant ID " + tenant.tenantId()
                + "\n" + String.format(Locale.US, "%,d licensed users", tenant.userCount())
                + " · " + tenant.origin().label()
                + tenant.enterpriseLevel().map(l -> " · Is Enterprise: " + l.label()).orElse("")
                + (tenant.winner() ? "\nWinner (SLT Watchlist): carries the Enterprise Status" : "")
                + tenant.covidRfaApprovedOn().map(d -> "\nCOVID-19 RFA approved " + DateText.of(d)).orElse(""));
    }
}

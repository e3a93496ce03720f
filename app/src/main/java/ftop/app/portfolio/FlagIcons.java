package ftop.app.portfolio;

import javafx.geometry.Pos;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A customer's flags in one cell: a warning when its winner tenant is missing or doubled (the
 * trophy itself is on the winner tenant's row) and the COVID-19 RFA medical icon, each with a
 * tooltip saying what it is. The icons are made once per cell; {@link #show} adds or takes one away
 * only when the row's flag differs from what the cell shows.
 */
final class FlagIcons extends HBox {

    private final Tooltip warningText = new Tooltip();
    private final FontIcon warning = icon(new FontIcon(Material2MZ.WARNING), "flag-icon-winner-warning",
            "winnerWarningIcon", warningText);
    private final FontIcon covid = covidIcon();

    FlagIcons() {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
    }

    /** Shows the flags of {@code row}. */
    void show(PortfolioRow row) {
        boolean warningShown = getChildren().contains(warning);
        boolean covidShown = getChildren().contains(covid);
        row.winnerWarning().ifPresent(warningText::setText);
        if (warningShown != row.winnerWarning().isPresent() || covidShown != row.covidRfa()) {
            getChildren().clear();
            if (row.winnerWarning().isPresent()) {
                getChildren().add(warning);
            }
            if (row.covidRfa()) {
                getChildren().add(covid);
            }
        }
    }

    /** The winner (SLT Watchlist) trophy. */
    static FontIcon winnerIcon() {
        return icon(new FontIcon(Material2AL.EMOJI_EVENTS), "flag-icon-winner", "winnerIcon",
                "Winner tenant (SLT Watchlist)");
    }

    /** The COVID-19 RFA medical icon. */
    static FontIcon covidIcon() {
        return icon(new FontIcon(Material2MZ.MEDICAL_SERVICES), "flag-icon-covid", "covidIcon", "COVID-19 RFA approved");
    }

    private static FontIcon icon(FontIcon icon, String styleClass, String id, String tooltip) {
        return icon(icon, styleClass, id, new Tooltip(tooltip));
    }

    private static FontIcon icon(FontIcon icon, String styleClass, String id, Tooltip tooltip) {
        icon.getStyleClass().add(styleClass);
        icon.setId(id);
        icon.setIconSize(18);
        Tooltip.install(icon, tooltip);
        return icon;
    }
}

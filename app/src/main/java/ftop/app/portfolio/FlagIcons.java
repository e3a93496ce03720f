package ftop.app.portfolio;

import javafx.geometry.Pos;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A customer's flags in one cell: the winner trophy and the COVID-19 RFA medical icon, each with a
 * tooltip saying what it is. The icons are made once per cell; {@link #show} adds or takes one away
 * only when the row's flag differs from what the cell shows.
 */
final class FlagIcons extends HBox {

    private final FontIcon trophy = winnerIcon();
    private final FontIcon covid = covidIcon();

    FlagIcons() {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
    }

    /** Shows the flags of {@code row}. */
    void show(PortfolioRow row) {
        boolean winnerShown = getChildren().contains(trophy);
        boolean covidShown = getChildren().contains(covid);
        if (winnerShown != row.winner() || covidShown != row.covidRfa()) {
            getChildren().clear();
            if (row.winner()) {
                getChildren().add(trophy);
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
        icon.getStyleClass().add(styleClass);
        icon.setId(id);
        icon.setIconSize(18);
        Tooltip.install(icon, new Tooltip(tooltip));
        return icon;
    }
}

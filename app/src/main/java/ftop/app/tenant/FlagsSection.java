package ftop.app.tenant;

import java.util.List;
import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.widgets.DateText;
import ftop.app.widgets.FieldError;
import ftop.app.widgets.PencilSection;
import ftop.core.tenant.EnterpriseLevel;
import ftop.core.tenant.Tenant;
import ftop.core.validation.Problem;

/**
 * The tenant's Flags, as FTOP's flags tab: winner (SLT Watchlist) trophy, COVID-19 RFA and the
 * "Is Enterprise" level, read-only until the pencil is clicked by someone allowed to change a flag.
 * Each flag's control is enabled only for those the core permission rules allow (Is Enterprise: its
 * health owners and master-data keepers; the winner flag: its security group), with the reason
 * beside a flag the user may not change. Esc cancels, like Cancel.
 *
 * <p>Ids: {@code tenantFlagsSection}, {@code tenantFlagsEdit}, {@code tenantFlagsSave},
 * {@code tenantFlagsCancel}, {@code tenantFlagsMessage}; {@code enterpriseLevelChoice},
 * {@code winnerFlagCheck}, their errors {@code enterpriseLevelError}, {@code winnerFlagError} and
 * reasons {@code enterpriseLevelLocked}, {@code winnerFlagLocked}.
 */
final class FlagsSection {

    /** "No" in the Is Enterprise choice. */
    static final String NOT_ENTERPRISE = "No";

    private final TenantViewModel model;
    private final FlowPane chips = new FlowPane(10, 8);
    private final ComboBox<Optional<EnterpriseLevel>> level = new ComboBox<>();
    private final CheckBox winner = new CheckBox("Winner tenant (SLT Watchlist): represents the whole TPID");
    private final Label levelError = FieldError.label("enterpriseLevelError");
    private final Label winnerError = FieldError.label("winnerFlagError");
    private final Label levelLocked = locked("enterpriseLevelLocked");
    private final Label winnerLocked = locked("winnerFlagLocked");
    private final GridPane editor = new GridPane();
    private final PencilSection section;
    private TenantDetails shown;

    FlagsSection(TenantViewModel model) {
        this.model = model;
        chips.setId("tenantFlags");
        chips.getStyleClass().add("tenant-flags");

        level.setId("enterpriseLevelChoice");
        level.getItems().setAll(List.of(Optional.empty(), Optional.of(EnterpriseLevel.LEVEL_3),
                Optional.of(EnterpriseLevel.LEVEL_4)));
        level.setCellFactory(list -> new LevelCell());
        level.setButtonCell(new LevelCell());
        level.valueProperty().addListener((obs, old, now) -> levelError.setText(""));
        winner.setId("winnerFlagCheck");
        winner.setWrapText(true);
        winner.selectedProperty().addListener((obs, old, now) -> winnerError.setText(""));

        editor.setHgap(12);
        editor.setVgap(6);
        Label levelLabel = new Label("Is Enterprise");
        levelLabel.getStyleClass().add("field-label");
        levelLabel.setLabelFor(level);
        levelLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label hint = new Label("Level 3: fewer than " + String.format("%,d", EnterpriseLevel.LEVEL_4_USERS)
                + " users · Level 4: " + String.format("%,d", EnterpriseLevel.LEVEL_4_USERS) + " or more. "
                + "It enables the Enterprise Status fields.");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        editor.add(levelLabel, 0, 0);
        editor.add(new VBox(4, level, hint, levelLocked, levelError), 1, 0);
        editor.add(new VBox(4, winner, winnerLocked, winnerError), 1, 1);
        editor.setVisible(false);
        editor.setManaged(false);

        section = new PencilSection("tenantFlags", "Flags", Material2AL.FLAG, new VBox(8, chips, editor));
        section.setOnEdit(this::fill);
        section.setOnCancel(this::clearErrors);
        section.setOnSave(this::save);
        section.editingProperty().addListener((obs, old, now) -> {
            editor.setVisible(now);
            editor.setManaged(now);
            chips.setVisible(!now);
            chips.setManaged(!now);
            if (now) {
                Platform.runLater(() -> (level.isDisabled() ? winner : level).requestFocus());
            }
        });
        // Esc cancels the edit wherever the focus is in the section (a shown pop-up list closes first).
        section.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && section.isEditing() && !level.isShowing()) {
                section.cancelEditing();
                section.pencil().requestFocus();
                e.consume();
            }
        });
    }

    /** The section to put in the tenant view. */
    PencilSection node() {
        return section;
    }

    /** Shows {@code d}'s flags; an edit in progress on another tenant is dropped. */
    void show(TenantDetails d) {
        boolean sameTenant = shown != null && shown.tenant().tenantId().equals(d.tenant().tenantId());
        shown = d;
        if (!sameTenant) {
            section.cancelEditing();
        }
        section.setEditable(d.flags().any());
        Tenant t = d.tenant();
        chips.getChildren().clear();
        if (t.winner()) {
            chips.getChildren().add(chip("tenantWinnerFlag", Material2AL.EMOJI_EVENTS, "flag-icon-winner",
                    "Winner tenant · SLT Watchlist"));
        }
        t.covidRfaApprovedOn().ifPresent(day -> chips.getChildren().add(chip("tenantCovidFlag",
                Material2MZ.MEDICAL_SERVICES, "flag-icon-covid", "COVID-19 RFA approved " + DateText.of(day))));
        chips.getChildren().add(chip("tenantEnterprise", Material2AL.APARTMENT, null,
                "Is Enterprise: " + label(t.enterpriseLevel())));
        level.setDisable(d.flags().enterprise().denied());
        winner.setDisable(d.flags().winner().denied());
        levelLocked.setText(d.flags().enterprise().denied() ? d.flags().enterprise().reason() : "");
        winnerLocked.setText(d.flags().winner().denied() ? d.flags().winner().reason() : "");
    }

    private void fill() {
        clearErrors();
        level.setValue(shown.tenant().enterpriseLevel());
        winner.setSelected(shown.tenant().winner());
    }

    private void clearErrors() {
        levelError.setText("");
        winnerError.setText("");
        section.setMessage("");
    }

    private void save() {
        clearErrors();
        section.setBusy(true);
        Optional<EnterpriseLevel> chosen = level.getValue() == null ? Optional.empty() : level.getValue();
        model.saveFlags(chosen, winner.isSelected(), problems -> {
            section.setBusy(false);
            if (problems.isEmpty()) {
                section.finishEditing();
                section.pencil().requestFocus();
                return;
            }
            StringBuilder other = new StringBuilder();
            for (Problem p : problems) {
                switch (p.field() == null ? "" : p.field()) {
                    case "enterpriseLevel", "userCount" -> levelError.setText(p.message());
                    case "winner" -> winnerError.setText(p.message());
                    default -> other.append(other.isEmpty() ? "" : " ").append(p.message());
                }
            }
            section.setMessage(other.isEmpty() ? "Nothing was saved." : "Nothing was saved: " + other);
            // the focus goes to the flag at fault (Save was disabled while saving, which moved it away)
            (!winnerError.getText().isEmpty() && levelError.getText().isEmpty() ? winner : level).requestFocus();
        });
    }

    static String label(Optional<EnterpriseLevel> level) {
        return level.map(EnterpriseLevel::label).orElse(NOT_ENTERPRISE);
    }

    private static Label locked(String id) {
        Label label = new Label();
        label.setId(id);
        label.setGraphic(new FontIcon(Material2AL.LOCK));
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        label.setWrapText(true);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static Label chip(String id, Ikon ikon, String iconClass, String text) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(18);
        if (iconClass != null) {
            icon.getStyleClass().add(iconClass);
        }
        Label label = new Label(text, icon);
        label.setId(id);
        label.getStyleClass().add("tenant-flag");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** "No", "Level 3" or "Level 4". */
    private static final class LevelCell extends ListCell<Optional<EnterpriseLevel>> {
        @Override
        protected void updateItem(Optional<EnterpriseLevel> item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : label(item));
        }
    }
}

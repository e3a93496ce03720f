package ftop.app.search;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;

import ftop.app.widgets.Theme;
import ftop.core.search.SearchHit;
import ftop.core.search.SearchResults;

/**
 * The search popup (Ctrl+K): a field and the results grouped by kind under it. The keyboard stays
 * in the field: typing searches, ↑ and ↓ move between hits, Enter opens the one picked, Esc closes.
 * A click on a hit opens it too.
 */
public final class SearchPopup {

    private static final String STYLESHEET =
            SearchPopup.class.getResource("/ftop/app/search/search.css").toExternalForm();
    private static final String INDEXING = "Indexing for search\u2026 Until it is done, a search finds only part of "
            + "the workspace.";
    private static final String HINT = "Customers, tenants, contacts and status notes. ↑ ↓ to move, Enter to open, "
            + "Esc to close.";

    private final SearchModel model;
    private final Consumer<SearchHit> onOpen;
    private final Stage stage = new Stage(StageStyle.UNDECORATED);
    private final TextField field = new TextField();
    private final ListView<SearchRow> list = new ListView<>();
    private final Label status = new Label(HINT);
    private boolean wasFocused;

    /**
     * @param owner  the window the popup shows over
     * @param onOpen what opening a hit does (the customer, the tenant, the note)
     */
    public SearchPopup(Window owner, SearchModel model, Consumer<SearchHit> onOpen) {
        this.model = Objects.requireNonNull(model, "model");
        this.onOpen = Objects.requireNonNull(onOpen, "onOpen");
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Search");

        field.setId("searchField");
        field.setPromptText("Search: a name, a TPID, a tenant, an e-mail, a word of a status note");
        field.textProperty().addListener((obs, old, now) -> model.search(now));

        list.setId("searchResults");
        list.setFocusTraversable(false);
        list.setCellFactory(view -> new SearchResultCell());
        list.setPlaceholder(new Label(""));
        list.setPrefSize(640, 420);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                openSelected();
            }
        });

        status.setId("searchStatus");
        status.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(this::statusText, model.resultsProperty(),
                model.errorProperty(), model.searchingProperty(), model.indexingProperty()));

        VBox root = new VBox(8, field, status, list);
        root.setId("searchPopup");
        root.getStyleClass().add("search-popup");
        root.setPadding(new Insets(12));
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        Scene scene = new Scene(root);
        Theme.style(scene);
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);

        model.resultsProperty().addListener((obs, old, now) -> show(now));
        // like a command palette: clicking elsewhere puts it away
        stage.focusedProperty().addListener((obs, old, now) -> {
            if (now) {
                wasFocused = true;
            } else if (wasFocused && stage.isShowing()) {
                hide();
            }
        });
    }

    /** Shows the popup over its owner with the last query selected, so typing replaces it. */
    public void show() {
        if (!stage.isShowing()) {
            Window owner = stage.getOwner();
            stage.show();
            if (owner != null) {
                stage.setX(owner.getX() + Math.max(0, (owner.getWidth() - stage.getWidth()) / 2));
                stage.setY(owner.getY() + Math.min(80, owner.getHeight() / 10));
            }
        }
        stage.toFront();
        stage.requestFocus();
        field.requestFocus();
        field.selectAll();
    }

    /** Puts the popup away; the query stays for the next time. */
    public void hide() {
        wasFocused = false;
        stage.hide();
    }

    /** The popup's window, for tests and benchmarks. */
    public Stage stage() {
        return stage;
    }

    private void show(SearchResults results) {
        List<SearchRow> rows = SearchRow.of(results);
        list.getItems().setAll(rows);
        // the first hit is picked, so Enter opens it at once
        int first = nextHit(-1, 1);
        if (first >= 0) {
            list.getSelectionModel().select(first);
            list.scrollTo(0);
        } else {
            list.getSelectionModel().clearSelection();
        }
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case DOWN -> move(1);
            case UP -> move(-1);
            case ENTER -> openSelected();
            case ESCAPE -> hide();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void move(int step) {
        int next = nextHit(list.getSelectionModel().getSelectedIndex(), step);
        if (next >= 0) {
            list.getSelectionModel().select(next);
            // keep the group's heading in sight when moving to the first hit of a group
            list.scrollTo(next > 0 && list.getItems().get(next - 1).isHeading() ? next - 1 : next);
        }
    }

    /** The index of the next hit from {@code from} in direction {@code step}, skipping headings; -1 when none. */
    private int nextHit(int from, int step) {
        List<SearchRow> rows = list.getItems();
        for (int i = from + step; i >= 0 && i < rows.size(); i += step) {
            if (!rows.get(i).isHeading()) {
                return i;
            }
        }
        return -1;
    }

    private void openSelected() {
        SearchRow row = list.getSelectionModel().getSelectedItem();
        if (row == null || row.isHeading()) {
            return;
        }
        hide();
        onOpen.accept(row.hit());
    }

    private String statusText() {
        if (!model.errorProperty().get().isEmpty()) {
            return model.errorProperty().get();
        }
        SearchResults results = model.resultsProperty().get();
        if (model.indexingProperty().get()) {
            return INDEXING;
        }
        if (results.terms().isEmpty()) {
            return HINT;
        }
        if (results.isEmpty() && !model.searchingProperty().get()) {
            return "Nothing in this workspace matches \u201c" + results.query().strip() + "\u201d.";
        }
        return HINT;
    }
}

package ftop.app.search;

import java.util.Objects;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.shell.MainWindow;
import ftop.app.shell.ShellModel;
import ftop.app.tasks.BackgroundTasks;
import ftop.core.store.WorkspaceWrites;
import ftop.core.search.SearchHit;

/**
 * Puts "Find anything" into the main window: Ctrl+K from any tab (and the header's Search button)
 * opens the {@link SearchPopup}; a hit opens its customer (customers, contacts), its tenant, or
 * the winner tenant at the status note found.
 */
public final class SearchFeature {

    /** Opens the search from anywhere in the window. */
    public static final KeyCombination SEARCH = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);

    private final MainWindow window;
    private final ShellModel shell;
    private final SearchModel model;
    private SearchPopup popup;

    private SearchFeature(MainWindow window, SearchModel model) {
        this.window = window;
        this.shell = window.model();
        this.model = model;
    }

    /**
     * Wires the search into {@code window}; on the FX thread.
     *
     * @param tasks where queries run: best a thread of their own ({@code BackgroundTasks.create("ftop-search")})
     */
    public static SearchFeature install(MainWindow window, BackgroundTasks tasks) {
        Objects.requireNonNull(window, "window");
        SearchFeature feature = new SearchFeature(window, new SearchModel(window.model().workspace().reads(), tasks));
        window.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SEARCH.match(e)) {
                feature.open();
                e.consume();
            }
        });
        Button button = new Button("Search", new FontIcon(Material2MZ.SEARCH));
        button.setId("searchButton");
        button.getStyleClass().add(Styles.FLAT);
        button.setTooltip(new Tooltip("Find a customer, tenant, contact or status note (Ctrl+K)"));
        button.setOnAction(e -> feature.open());
        window.addHeaderAction(button);
        Label indexing = new Label("Indexing for search…");
        indexing.setId("searchIndexing");
        indexing.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        indexing.setTooltip(new Tooltip("The search index of this workspace is being made; until it is done, "
                + "a search finds only part of the workspace."));
        indexing.visibleProperty().bind(feature.model.indexingProperty());
        indexing.managedProperty().bind(indexing.visibleProperty());
        window.addHeaderAction(indexing);
        // the mark on a note opened from a search
        window.getStylesheets().add(SearchFeature.class.getResource("/ftop/app/search/search.css").toExternalForm());
        return feature;
    }

    /**
     * Makes the search index when the workspace has none yet, on {@code builder}; meanwhile the
     * header says "Indexing for search…" and the search finds only what is indexed so far.
     */
    public void buildIndexIfMissing(WorkspaceWrites writes, BackgroundTasks builder) {
        model.buildIndexIfMissing(writes, builder);
    }

    /** Shows the search popup, with the last query selected. */
    public void open() {
        if (popup == null) {
            popup = new SearchPopup(window.getScene().getWindow(), model, this::openHit);
        }
        popup.show();
    }

    /** The popup once opened, for tests and benchmarks. */
    public SearchPopup popup() {
        return popup;
    }

    /** The popup's model. */
    public SearchModel model() {
        return model;
    }

    private void openHit(SearchHit hit) {
        switch (hit.kind()) {
            case CUSTOMER, CONTACT -> shell.openCustomer(hit.tpid());
            case TENANT -> hit.tenantId().ifPresentOrElse(window::openTenant, () -> shell.openCustomer(hit.tpid()));
            case STATUS_NOTE -> hit.tenantId().ifPresentOrElse(tenantId -> {
                window.openTenant(tenantId);
                hit.writtenAt().ifPresent(at -> shell.tenant().revealNote(tenantId, at));
            }, () -> shell.openCustomer(hit.tpid()));
            default -> throw new IllegalStateException("Unexpected kind " + hit.kind());
        }
    }
}

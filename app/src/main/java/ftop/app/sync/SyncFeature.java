package ftop.app.sync;

import java.time.Clock;
import java.util.Objects;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.shell.MainWindow;
import ftop.app.tasks.BackgroundTasks;
import ftop.sync.client.SyncFailure;

/**
 * Puts sync into the main window: the status bar part, "Connect to server…" in the header, the
 * Conflicts tab, and the login dialog when the server asks for a new sign-in. Starts the engine.
 */
public final class SyncFeature {

    private static final Logger LOG = LoggerFactory.getLogger(SyncFeature.class);

    /** The id of the Conflicts tab. */
    public static final String CONFLICTS_TAB = "conflictsTab";

    private final MainWindow window;
    private final SyncSession session;
    private final BackgroundTasks tasks;
    private final BrowserOpener browser;
    private LoginDialog open;
    private boolean loginAsked;

    private SyncFeature(MainWindow window, SyncSession session, BackgroundTasks tasks, BrowserOpener browser) {
        this.window = window;
        this.session = session;
        this.tasks = tasks;
        this.browser = browser;
    }

    /**
     * Wires {@code session} into {@code window}; on the FX thread. Sync starts with {@link #startSyncing}.
     * {@code browser} opens the company sign-in page.
     */
    public static SyncFeature install(MainWindow window, SyncSession session, BackgroundTasks tasks, Clock clock,
            BrowserOpener browser) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(session, "session");
        SyncFeature feature = new SyncFeature(window, session, tasks, Objects.requireNonNull(browser, "browser"));
        window.setSyncStatus(new SyncStatusBar(session, clock, feature::openConflicts, feature::openLogin));
        Button connect = new Button("Connect to server…", new FontIcon(Material2AL.LINK));
        connect.setId("connectToServer");
        connect.getStyleClass().add(Styles.FLAT);
        connect.setTooltip(new Tooltip("Sign in to an FTOP server and sync this workspace with it"));
        connect.setOnAction(e -> feature.openLogin());
        window.addHeaderAction(connect);
        session.addListener(status -> Platform.runLater(() -> {
            boolean needed = status.failure().filter(f -> f == SyncFailure.LOGIN_NEEDED).isPresent();
            if (needed && !feature.loginAsked) {
                // Ask once per expiry; the status bar's "Sign in…" asks again.
                feature.loginAsked = true;
                feature.openLogin();
            } else if (!needed) {
                feature.loginAsked = false;
            }
        }));
        // a new sign-in (maybe as someone else) reaches the status bar, the Portfolio and permissions at once
        session.addSignInListener(user -> Platform.runLater(() -> window.model().signedIn(user)));
        return feature;
    }

    /**
     * Starts background sync, on the work queue: after whatever it holds already (at start, reading
     * the Portfolio's rows), so the first screen does not share the machine with the first pull.
     */
    public void startSyncing() {
        tasks.run(session::start, failure -> LOG.warn("Sync could not start", failure));
    }

    /** Shows the conflicts and rejected changes in their own tab. */
    public void openConflicts() {
        window.openTab(CONFLICTS_TAB, "Conflicts", Material2MZ.WARNING,
                () -> new ConflictsView(session.store(), session::user, tasks, session::syncNow));
        window.tabs().getTabs().stream().filter(t -> CONFLICTS_TAB.equals(t.getId())).findFirst()
                .ifPresent(t -> {
                    if (t.getContent() instanceof ConflictsView view) {
                        view.reload();
                    }
                });
    }

    /** Shows the login dialog (once at a time). */
    public void openLogin() {
        if (open != null && open.isShowing()) {
            return;
        }
        String url = session.demo().isPresent() ? "" : session.server().map(Object::toString).orElse("");
        open = new LoginDialog(window.getScene() == null ? null : window.getScene().getWindow(), session, tasks, url,
                session.user().orElse(""), browser);
        open.show();
    }
}

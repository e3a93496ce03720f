package ftop.app.sync;

import java.time.Clock;
import java.util.Optional;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.sync.client.SyncFailure;
import ftop.sync.client.SyncState;
import ftop.sync.client.SyncStatus;

/**
 * The sync part of the status bar: online / offline / failing (the reason in the tooltip and, when
 * failing, beside it), pending changes, conflicts (a button that opens them), the last successful
 * sync, a progress bar during the first sync, and <b>Sync now</b>.
 *
 * <p>Fed by {@link SyncSession} listeners on the sync thread; every change is handed to the FX
 * thread with {@link Platform#runLater}.
 */
public final class SyncStatusBar extends HBox {

    private final Clock clock;
    private final Label state = new Label();
    private final Label pending = new Label();
    private final Button conflicts = new Button();
    private final Label lastSync = new Label();
    private final Label cacheCheck = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button syncNow = new Button("Sync now", new FontIcon(Material2MZ.SYNC));
    private final Tooltip reason = new Tooltip();
    private SyncStatus shown;
    private SyncSession session;

    /**
     * @param session     the workspace's sync
     * @param onConflicts opens the conflicts view
     * @param onConnect   opens the login dialog (shown for a local workspace and when sign-in is needed)
     */
    public SyncStatusBar(SyncSession session, Clock clock, Runnable onConflicts, Runnable onConnect) {
        this.clock = clock;
        setId("syncStatusBar");
        getStyleClass().add("sync-status");
        setAlignment(Pos.CENTER_LEFT);

        state.setId("syncState");
        state.setTooltip(reason);
        pending.setId("syncPending");
        pending.setGraphic(new FontIcon(Material2AL.CLOUD_UPLOAD));
        conflicts.setId("syncConflicts");
        conflicts.getStyleClass().addAll(Styles.SMALL, Styles.DANGER, Styles.FLAT);
        conflicts.setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
        conflicts.setTooltip(new Tooltip("Changes the server did not take: decide what to keep"));
        conflicts.setOnAction(e -> onConflicts.run());
        lastSync.setId("syncLast");
        cacheCheck.setId("syncCacheCheck");
        cacheCheck.setGraphic(new FontIcon(Material2MZ.VERIFIED_USER));
        cacheCheck.setTooltip(new Tooltip("The last check that this computer's copy matches the server's"));
        cacheCheck.setVisible(false);
        cacheCheck.setManaged(false);
        progress.setId("syncProgress");
        progress.setPrefWidth(140);
        syncNow.setId("syncNow");
        syncNow.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        syncNow.setTooltip(new Tooltip("Send your changes and fetch the server's now"));

        this.session = session;
        syncNow.setOnAction(e -> {
            SyncStatus current = shown;
            if (!session.connected() || current != null && current.failure()
                    .filter(f -> f == SyncFailure.LOGIN_NEEDED).isPresent()) {
                onConnect.run();
            } else {
                syncNow.setDisable(true);
                // The engine queues the sync on its own thread; this call returns at once.
                session.syncNow();
            }
        });
        getChildren().addAll(state, conflicts, pending, lastSync, cacheCheck, progress, syncNow);
        session.addListener(status -> {
            // Statuses come on the sync thread, where the workspace may be read; the first comes on
            // the thread that builds the bar, which must not read it.
            Optional<String> checked = Platform.isFxApplicationThread() || !session.connected() ? Optional.empty()
                    : lastCacheCheck(session);
            Platform.runLater(() -> {
                show(status);
                checked.ifPresent(this::showCacheCheck);
            });
        });
        // "Synced 2 min ago" keeps its word while nothing else happens.
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(30), e -> {
            if (shown != null) {
                lastSync.setText(SyncStatusText.lastSync(shown.lastSuccess(), clock.instant()));
            }
        }));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    /** The words for the workspace's last cache check; empty when there was none or the workspace cannot say. */
    private Optional<String> lastCacheCheck(SyncSession session) {
        try {
            return SyncStatusText.cacheCheck(session.lastCacheCheck(), clock.getZone());
        } catch (RuntimeException e) {
            // A workspace closing as the status arrives: the next status says it.
            return Optional.empty();
        }
    }

    /** Shows what the last cache check found ("Cache verified 10:42"); on the FX thread. */
    void showCacheCheck(String text) {
        cacheCheck.setText(text);
        cacheCheck.setVisible(session.connected());
        cacheCheck.setManaged(session.connected());
    }

    /** Shows {@code status}; on the FX thread. */
    void show(SyncStatus status) {
        shown = status;
        if (!session.connected()) {
            // Honest about a workspace that has no server: every edit stays on this computer.
            state.setText("Local only");
            state.setGraphic(new FontIcon(Material2AL.CLOUD_OFF));
            reason.setText("This workspace is not connected to a server; every change is kept locally.");
            for (Node n : new Node[] {conflicts, pending, lastSync, cacheCheck, progress}) {
                n.setVisible(false);
                n.setManaged(false);
            }
            syncNow.setText("Connect…");
            syncNow.setDisable(false);
            return;
        }
        pending.setVisible(true);
        pending.setManaged(true);
        lastSync.setVisible(true);
        lastSync.setManaged(true);
        Optional<String> why = SyncStatusText.reason(status);
        boolean signInNeeded = status.failure().filter(f -> f == SyncFailure.LOGIN_NEEDED).isPresent();
        // "Sign in again to sync" says it all; the server's own words are in the tooltip
        state.setText(SyncStatusText.state(status) + (status.state() == SyncState.FAILING && !signInNeeded
                ? why.map(w -> ": " + w).orElse("") : ""));
        reason.setText(why.orElse(status.state() == SyncState.ONLINE
                ? "Connected: your changes go to the server within seconds." : SyncStatusText.state(status)));
        state.setGraphic(new FontIcon(switch (status.state()) {
            case ONLINE -> Material2AL.CLOUD_DONE;
            case SYNCING -> Material2AL.CLOUD_UPLOAD;
            case OFFLINE -> Material2AL.CLOUD_OFF;
            case FAILING -> Material2AL.ERROR_OUTLINE;
        }));
        state.pseudoClassStateChanged(PseudoClass.getPseudoClass("failing"),
                status.state() == SyncState.FAILING);
        pending.setText(SyncStatusText.pending(status));
        Optional<String> problems = SyncStatusText.problems(status);
        conflicts.setText(problems.orElse(""));
        conflicts.setVisible(problems.isPresent());
        conflicts.setManaged(problems.isPresent());
        lastSync.setText(SyncStatusText.lastSync(status.lastSuccess(), clock.instant()));
        boolean first = status.firstSyncProgress().isPresent();
        progress.setVisible(first);
        progress.setManaged(first);
        status.firstSyncProgress().ifPresent(progress::setProgress);
        syncNow.setDisable(status.state() == SyncState.SYNCING);
        syncNow.setText(status.failure().filter(f -> f == SyncFailure.LOGIN_NEEDED).isPresent()
                ? "Sign in…" : "Sync now");
    }
}

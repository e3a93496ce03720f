package ftop.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftop.app.assignment.AssignmentActions;
import ftop.app.assignment.AssignmentFiles;
import ftop.app.customer.CustomerChoice;
import ftop.app.edit.DraftKeeper;
import ftop.app.edit.RecoveredDrafts;
import ftop.app.help.HelpMenu;
import ftop.app.portfolio.PortfolioRow;
import ftop.app.portfolio.PortfolioSnapshot;
import ftop.app.portfolio.PortfolioViewModel;
import ftop.app.search.SearchFeature;
import ftop.app.shell.MainWindow;
import ftop.app.shell.QuitGuard;
import ftop.app.shell.ShellModel;
import ftop.app.shell.UnsavedWorkDialog;
import ftop.app.shell.WindowIcons;
import ftop.app.sync.SignOutAction;
import ftop.app.sync.BrowserOpener;
import ftop.app.sync.SyncFeature;
import ftop.app.sync.SyncSession;
import ftop.app.sync.SyncedOpener;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.tasks.Scheduler;
import ftop.app.tenant.TenantExceptionAction;
import ftop.app.tenant.TenantExceptionModel;
import ftop.app.widgets.Theme;
import ftop.app.workspace.DesktopKeys;
import ftop.app.workspace.PassphraseDialog;
import ftop.app.workspace.StoreWorkspace;
import ftop.app.workspace.Workspace;
import ftop.app.workspace.WorkspaceOpener;
import ftop.app.workspace.WorkspaceRemoval;
import ftop.core.customer.Customer;
import ftop.core.store.WorkspaceKeys;
import ftop.sync.client.SyncEngine;

/**
 * The desktop app: opens the profile's workspace in the background (creating the demo workspace on
 * first start), then shows the main window reading from it.
 */
public final class FtopApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(FtopApplication.class);
    /** How long the opening screen shows without a spinner. */
    private static final Duration SPINNER_DELAY = Duration.ofMillis(1500);

    private AppOptions options;
    private final WorkspaceOpener opener;
    private final Clock clock;
    private final BackgroundTasks tasks = BackgroundTasks.create();
    /** Server calls the views make (a customer's history), so a slow server never holds up the workspace. */
    private final BackgroundTasks network = BackgroundTasks.create("ftop-net");
    /** Ctrl+K's queries, on their own thread so that typing never waits behind a Portfolio load. */
    private final BackgroundTasks search = BackgroundTasks.create("ftop-search");
    /** Building the search index of a workspace from before it, apart from queries and screens' reads. */
    private final BackgroundTasks indexing = BackgroundTasks.create("ftop-index");
    private SearchFeature searchFeature;
    private Workspace workspace;
    private ShellModel shell;
    private Scene scene;
    /** Set for a plain start: the workspace syncs with its server (the demo with its own). */
    private final boolean syncing;
    private SyncedOpener syncOpener;
    private volatile SyncSession syncSession;
    private volatile boolean stopped;
    /** Times the writing of drafts; tests pass one on virtual time. */
    private final Scheduler scheduler;
    /** Where the keys of encrypted workspaces are kept; empty: workspaces are opened plain. */
    private Optional<WorkspaceKeys> keys = Optional.empty();
    /** When the sync engine pushes and polls; tests hold pushes back to make two edits meet. */
    private SyncEngine.Options syncOptions = SyncEngine.Options.defaults();
    /** Opens the company sign-in page; the system browser unless a test plays the browser. */
    private BrowserOpener browser;
    /** Set when the workspace was removed after signing out: nothing is left to close or keep. */
    private volatile boolean removed;
    private Stage stage;
    private MainWindow window;
    /** The steps of this start, when each was reached. */
    private volatile StartupSequence startup;
    /** Writes what is typed and not yet kept as drafts when the process is asked to end (a session logout). */
    private Thread shutdownHook;
    /** What the process should exit with; a failed screenshot run is not a success. */
    private static volatile int exitCode;

    /** Used by {@link Application#launch}: options come from the command line. */
    public FtopApplication() {
        this(null, StoreWorkspace::open, Clock.systemDefaultZone(), true);
        // Workspaces holding a server's data are encrypted at rest, the key in the system's
        // credential store or behind a passphrase (tests open theirs plain).
        this.keys = Optional.of(DesktopKeys.system(PassphraseDialog.prompt()));
    }

    /** For tests and embedding: explicit options, workspace and clock. */
    public FtopApplication(AppOptions options, WorkspaceOpener opener, Clock clock) {
        this(options, opener, clock, false);
    }

    /** As above; with {@code syncing}, a workspace without a generated set is opened connected to its server. */
    public FtopApplication(AppOptions options, WorkspaceOpener opener, Clock clock, boolean syncing) {
        this(options, opener, clock, syncing, Scheduler.fx());
    }

    /** As above, with the scheduler that times the writing of drafts (tests: one on virtual time). */
    public FtopApplication(AppOptions options, WorkspaceOpener opener, Clock clock, boolean syncing,
            Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.syncing = syncing;
        this.options = options;
        this.opener = Objects.requireNonNull(opener, "opener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** As above, with workspaces that may hold a server's data encrypted with the key {@code keys} keep. */
    public FtopApplication(AppOptions options, WorkspaceOpener opener, Clock clock, boolean syncing,
            Scheduler scheduler, WorkspaceKeys keys) {
        this(options, opener, clock, syncing, scheduler);
        this.keys = Optional.of(keys);
    }

    /**
     * Syncs with {@code options} instead of the defaults (a test that needs a local edit to wait
     * in the outbox until something else starts a sync). Call before the application starts.
     */
    public FtopApplication withSyncOptions(SyncEngine.Options options) {
        this.syncOptions = Objects.requireNonNull(options, "options");
        return this;
    }

    /**
     * Opens the company sign-in page with {@code browser} instead of the system browser (a test that
     * plays the browser). Call before the application starts.
     */
    public FtopApplication withBrowser(BrowserOpener browser) {
        this.browser = Objects.requireNonNull(browser, "browser");
        return this;
    }

    @Override
    public void init() {
        if (options == null) {
            options = AppOptions.parse(getParameters().getRaw().toArray(String[]::new));
        }
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        startup = new StartupSequence();
        Theme.apply(options.dark());
        Label opening = new Label("Opening workspace " + options.profile() + "…");
        VBox loading = new VBox(12, opening);
        loading.setAlignment(Pos.CENTER);
        loading.setId("openingWorkspace");
        // 1400x900, or less on a smaller screen so the window never hangs off it
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(loading, Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight()));
        // A spinner redraws the window at every frame, on the cores the opening needs: it shows only
        // when the opening takes long enough for someone to wonder (the demo's first sync, a big workspace).
        scheduler.after(SPINNER_DELAY, () -> {
            if (scene.getRoot() == loading) {
                loading.getChildren().add(0, new ProgressIndicator());
            }
        });
        Theme.style(scene);
        stage.setScene(scene);
        stage.setTitle("FTOP Desktop");
        stage.getIcons().setAll(WindowIcons.all());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        startup.reached("window shown");

        LocalDate today = LocalDate.now(clock);
        if (syncing && options.dataset().isEmpty()) {
            syncOpener = new SyncedOpener(options.server(), syncOptions, keys, options.security());
        }
        WorkspaceOpener chosen = options.dataset().isEmpty() ? (syncOpener != null ? syncOpener : opener)
                : (profile, home, day) -> StoreWorkspace.openGenerated(profile, home, day, options.dataset().get());
        // the other core gets the reading of the kept Portfolio ready while this one opens the workspace
        indexing.run(PortfolioSnapshot::prepare, failure -> LOG.warn("Preparing the Portfolio's reading failed", failure));
        tasks.run(() -> {
                    Workspace opened = chosen.open(options.profile(), Optional.of(options.workspaceDirectory()), today);
                    startup.reached("workspace open");
                    boolean dark = options.dark()
                            || opened.setting(ShellModel.THEME_SETTING).map("dark"::equals).orElse(false);
                    // what the first screen shows, read with the workspace: the Portfolio as it was left
                    PortfolioViewModel.Prefetched portfolio = PortfolioViewModel.prefetch(opened);
                    startup.reached("first screen read");
                    return new Opened(opened, dark, portfolio);
                },
                this::showWorkspace,
                failure -> {
                    String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
                    if (options.screenshot().isPresent()) {
                        System.err.println("FTOP Desktop could not open the workspace: " + message);
                        exitCode = 1;
                        Platform.exit();
                        return;
                    }
                    Alert alert = new Alert(Alert.AlertType.ERROR, message);
                    alert.initOwner(stage);
                    alert.setTitle("FTOP Desktop");
                    alert.setHeaderText("The workspace \"" + options.profile() + "\" could not be opened");
                    alert.getDialogPane().setId("openFailedDialog");
                    // closing the only window ends the app
                    alert.setOnHidden(e -> stage.close());
                    alert.show();
                });
    }

    /** The workspace and the theme it was left in, both read in the background. */
    private record Opened(Workspace workspace, boolean dark, PortfolioViewModel.Prefetched portfolio) {
    }

    private void showWorkspace(Opened result) {
        Workspace opened = result.workspace();
        Optional<SyncSession> sync = syncOpener == null ? Optional.empty()
                : syncOpener.session();
        if (stopped) {
            // the window closed while the workspace was opening: release it for the next start
            new Thread(() -> {
                sync.ifPresent(SyncSession::close);
                opened.close();
            }, "ftop-close").start();
            return;
        }
        workspace = opened;
        shell = new ShellModel(opened, tasks, clock, scheduler);
        shell.restoreDark(result.dark());
        Theme.apply(result.dark());
        shell.darkProperty().addListener((obs, old, now) -> Theme.apply(now));
        MainWindow window = new MainWindow(shell);
        this.window = window;
        guardQuitting(window);
        ShellModel current = shell;
        AssignmentActions assignments = new AssignmentActions(opened, tasks,
                clock, AssignmentFiles.system(),
                () -> Optional.ofNullable(current.customer().selectedProperty().get())
                        .map(CustomerChoice::tpid),
                () -> current.portfolio().shownCustomers().stream().map(PortfolioRow::tpid)
                        .toList(),
                () -> {
                    // an assignment saved: Undo in the Customer tab no longer offers an older edit
                    current.customer().savedElsewhere();
                    current.refresh();
                });
        assignments.setOwner(scene.getWindow());
        assignments.registerWith(current.forms());
        MenuButton assignmentsMenu = assignments.menu();
        // the assignment team adds tenants by hand from the same menu
        assignmentsMenu.getItems().addAll(new SeparatorMenuItem(),
                TenantExceptionAction.menuItem(new TenantExceptionModel(opened, tasks, clock), tasks, scene::getWindow,
                        () -> Optional.ofNullable(current.customer().selectedProperty().get())
                                .map(c -> OptionalLong.of(c.tpid())).orElse(OptionalLong.empty()),
                        tenant -> {
                            current.refresh();
                            current.portfolio().onOpenTenantProperty().get().accept(tenant.tenantId());
                        }));
        window.addHeaderAction(assignmentsMenu);
        // the Portfolio's action column and "Assignments (n)" button, and the Customer tab's card
        current.portfolio().onOpenAssignmentsProperty()
                .set(tpids -> assignments.openAssignments(tpids, scene.getWindow()));
        current.portfolio().onOpenTenantAssignmentsProperty()
                .set(tenantIds -> assignments.openTenantBatch(tenantIds, scene.getWindow()));
        window.whenCustomerViewBuilt(view -> view.setOnOpenAssignments(
                tpid -> assignments.openAssignments(List.of(tpid), scene.getWindow())));
        window.setOnRestoreAssignments((draft, done) -> assignments.restoreDraft(draft, scene.getWindow(), done));
        scene.setRoot(window);
        Optional<SyncFeature> syncFeature = sync.map(session -> {
            syncSession = session;
            SyncFeature feature = SyncFeature.install(window, session, tasks, clock,
                    browser != null ? browser : url -> getHostServices().showDocument(url));
            SignOutAction.install(window, session, opened, tasks, this::removeWorkspaceAndQuit);
            shell.customer().trend().connect(session::fetchHistory, network);
            shell.review().connectHistory(session::fetchHistory, network);
            return feature;
        });
        searchFeature = SearchFeature.install(window, search);
        window.addHeaderAction(HelpMenu.forWorkspace(options.workspaceDirectory(), opened, sync, tasks,
                clock).button());
        shell.portfolio().showPrefetched(result.portfolio());
        startup.reached("main window built");
        boolean keptRows = shell.portfolio().loadedProperty().get();
        if (!keptRows) {
            shell.refresh();
        }
        StartupSequence.afterNextFrame(scene, () -> {
            startup.reached("first frame");
            if (keptRows) {
                // the Portfolio of the last run shows: now read the rows it is built from
                shell.refresh();
            }
            // The work queue runs one task after another: sync and the drafts' reading start once
            // the Portfolio's rows are read, so they do not hold up the first screen.
            syncFeature.ifPresent(SyncFeature::startSyncing);
            offerDrafts(opened, window);
        });
        StartupSequence.whenTrue(shell.portfolio().currentProperty(), () -> StartupSequence.afterNextFrame(scene, () -> {
            startup.reached("rows read");
            LOG.info("Start: {}", startup.summary());
            // not needed for the first screen: keeping the rows for the next start, the search index
            Runnable keep = shell.portfolio().snapshotWork();
            if (keep != null) {
                tasks.run(keep, failure -> LOG.warn("The Portfolio could not be kept for the next start", failure));
            }
            searchFeature.buildIndexIfMissing(opened.writes(), indexing);
        }));
        StartupSequence.whenTrue(shell.portfolio().loadedProperty(), () -> {
            startup.reached("Portfolio populated");
            UnattendedRun run = new UnattendedRun(shell, scene, tasks, () -> exitCode = 1);
            options.customer().ifPresent(run::openCustomer);
            options.screenshot().ifPresent(run::screenshotWhenSettled);
            if (options.exitWhenReady()) {
                run.reportStartAndExit();
            }
        });
    }

    /**
     * Closing the window (its close button, the system), Ctrl+Q and the menu's Quit ask the quit
     * guard, which asks about unsaved work; a session's end writes what is typed and not yet kept.
     */
    private void guardQuitting(MainWindow window) {
        QuitGuard guard = new QuitGuard(shell.forms(),
                new UnsavedWorkDialog(() -> stage), this::quitNow);
        // asked after the request is handled, so the question never blocks the one who asked
        stage.setOnCloseRequest(e -> {
            e.consume();
            Platform.runLater(guard::requestQuit);
        });
        window.setOnQuit(guard::requestQuit);
        DraftKeeper drafts = shell.drafts();
        Workspace opened = workspace;
        shutdownHook = new Thread(() -> {
            if (stopped) {
                return;
            }
            try {
                int written = drafts.writePendingNow();
                if (written > 0) {
                    LOG.info("Kept " + written + " draft(s) as the process ended");
                }
            } finally {
                opened.close();
            }
        }, "ftop-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * After signing out, the person chose to remove the workspace from this laptop: sync stops, the
     * workspace closes, its folder and key are removed, and the app ends.
     */
    private void removeWorkspaceAndQuit() {
        Workspace opened = workspace;
        SyncSession session = syncSession;
        Path dir = options.workspaceDirectory();
        removed = true;
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the process is ending already
            }
        }
        tasks.run(() -> {
            if (session != null) {
                session.close();
            }
            opened.close();
            WorkspaceRemoval.remove(dir, keys);
            return dir;
        }, gone -> hideAll(), failure -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, "The workspace in " + dir + " could not be removed "
                    + "completely: " + failure.getMessage() + " Delete the folder by hand.");
            alert.setHeaderText("Removing the workspace");
            alert.getDialogPane().setId("removeFailedDialog");
            alert.setOnHidden(e -> hideAll());
            alert.show();
        });
    }

    private static void hideAll() {
        for (Window open : List.copyOf(Window.getWindows())) {
            open.hide();
        }
    }

    /** Nothing is left unsaved (or the person chose to drop it): every window goes, and with them the app. */
    private void quitNow() {
        shell.drafts().writePending();
        for (Window open : List.copyOf(Window.getWindows())) {
            open.hide();
        }
    }

    /** Reads the drafts left from before this start and, when there are any, offers them back. */
    private void offerDrafts(Workspace opened, MainWindow window) {
        RecoveredDrafts recovered = shell.recoveredDrafts();
        recovered.load(tpid -> opened.customer(tpid).map(Customer::name));
        if (options.screenshot().isPresent()) {
            return;
        }
        StartupSequence.whenTrue(recovered.loadedProperty(), () -> {
            if (!recovered.entries().isEmpty() && !stopped) {
                window.showDrafts();
            }
        });
    }

    @Override
    public void stop() {
        stopped = true;
        if (removed) {
            // the workspace was closed and removed after signing out
            tasks.close();
            network.close();
            indexing.close();
            return;
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the process is ending already: the hook does what is left
            }
        }
        if (shell != null) {
            // a draft noted in the last half second is written before the workspace closes
            shell.drafts().writePending();
        }
        Workspace opened = workspace;
        SyncSession session = syncSession;
        // the next start shows the Portfolio as it is now
        Runnable snapshot = shell == null ? null : shell.portfolio().snapshotWork();
        if (opened != null) {
            tasks.run(() -> {
                if (snapshot != null) {
                    snapshot.run();
                }
                // server calls and sync first: they write to the workspace
                network.close();
                if (session != null) {
                    session.close();
                }
                opened.close();
            }, failure -> LOG.warn("Closing the workspace failed", failure));
        }
        tasks.close();
        network.close();
        search.close();
        indexing.close();
    }

    /** 0 unless a run without a window (a screenshot) failed. */
    static int exitCode() {
        return exitCode;
    }

    /** The workspace's sync once the window shows it; empty when it does not sync (e.g. tests' workspaces). */
    public Optional<SyncSession> syncSession() {
        return Optional.ofNullable(syncSession);
    }

    /** The main window's model once the workspace is open; for tests. */
    public ShellModel shell() {
        return shell;
    }

    /** The search (Ctrl+K) once the workspace is open; for tests and benchmarks. */
    public SearchFeature search() {
        return searchFeature;
    }

    /** The steps of the start so far (after {@link #start}); for the log and the start-up benchmarks. */
    public List<StartupSequence.Step> startupSteps() {
        return startup == null ? List.of() : startup.steps();
    }

    /**
     * Runs {@code action} on the FX thread once the start reaches {@code step} ("Portfolio
     * populated", "first frame", "rows read"...; see {@link #startupSteps}); for the start-up
     * benchmarks. Call after {@link #start}.
     */
    public void whenStartReaches(String step, Runnable action) {
        startup.whenReached(step, action);
    }

    /** The main window once the workspace is open; for tests. */
    public MainWindow window() {
        return window;
    }
}

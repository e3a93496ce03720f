package ftop.app.shell;

import java.time.Clock;
import java.util.Collections;
import java.util.Locale;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;

import ftop.app.customer.CustomerChoice;
import ftop.app.customer.CustomerEdits;
import ftop.app.customer.CustomerViewModel;
import ftop.app.edit.DraftKeeper;
import ftop.app.edit.LiveMarksModel;
import ftop.app.edit.OpenForms;
import ftop.app.edit.RecoveredDrafts;
import ftop.app.portfolio.PortfolioViewModel;
import ftop.app.review.ReviewSources;
import ftop.app.review.ReviewViewModel;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.tasks.Scheduler;
import ftop.app.tenant.TenantViewModel;
import ftop.app.workspace.Workspace;
import ftop.core.change.EntityKind;
import ftop.core.store.Drafts;

/**
 * The state of the main window: which page shows, the page models, the theme and what the status
 * bar says, and who is signed in. Changed only through its commands ({@link #show},
 * {@link #openCustomer}, {@link #refresh}, {@link #setDark}, {@link #signedIn}).
 */
public final class ShellModel {

    /** Workspace setting: "dark" or "light", the theme chosen last. */
    public static final String THEME_SETTING = "ui.theme";

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final PortfolioViewModel portfolio;
    private final CustomerViewModel customer;
    private final ReviewViewModel review;
    private final TenantViewModel tenant;
    private final OpenForms forms = new OpenForms();
    private final LiveMarksModel liveMarks;
    private final DraftKeeper drafts;
    private final RecoveredDrafts recoveredDrafts;

    /** The kinds of rows the Portfolio shows. */
    private static final Set<EntityKind> PORTFOLIO_KINDS =
            EnumSet.of(EntityKind.CUSTOMER, EntityKind.TENANT, EntityKind.HEALTH, EntityKind.USAGE);

    /** Kinds changed since the last refresh; guarded by itself, filled on the writing thread. */
    private final Set<EntityKind> changedKinds = EnumSet.noneOf(EntityKind.class);
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(this, "page", Page.PORTFOLIO);
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(this, "dark");
    private final ReadOnlyStringWrapper workspaceText = new ReadOnlyStringWrapper(this, "workspaceText", "");
    private final ReadOnlyStringWrapper locationText = new ReadOnlyStringWrapper(this, "locationText", "");
    private final ReadOnlyStringWrapper user = new ReadOnlyStringWrapper(this, "user", "");
    private final ReadOnlyStringWrapper countsText = new ReadOnlyStringWrapper(this, "countsText", "");
    private final ReadOnlyStringWrapper syncText = new ReadOnlyStringWrapper(this, "syncText", "");
    private final ReadOnlyStringWrapper pendingText = new ReadOnlyStringWrapper(this, "pendingText", "");

    public ShellModel(Workspace workspace, BackgroundTasks tasks, Clock clock) {
        this(workspace, tasks, clock, Scheduler.fx());
    }

    /**
     * @param scheduler times the writing of drafts and how long the notice after an edit shows;
     *                  tests pass one on virtual time
     */
    public ShellModel(Workspace workspace, BackgroundTasks tasks, Clock clock, Scheduler scheduler) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        // one undo stack for every edit of a customer, whether made in its tab or on its winner tenant
        CustomerEdits edits = new CustomerEdits(workspace, tasks, clock);
        this.liveMarks = new LiveMarksModel(workspace, tasks, clock, scheduler);
        this.customer = new CustomerViewModel(workspace, tasks, clock, edits, scheduler, liveMarks);
        this.portfolio = new PortfolioViewModel(workspace, tasks, clock, this::openCustomer, liveMarks);
        this.review = new ReviewViewModel(ReviewSources.of(workspace),
                workspace.rules(), tasks, clock, ReviewSources.draftFile(workspace));
        this.tenant = new TenantViewModel(workspace, tasks, edits, this::openCustomer);
        // what people type into open forms is kept as drafts in the workspace
        Optional<Drafts> kept = Optional.of(workspace.writes().drafts());
        this.drafts = new DraftKeeper(kept, tasks, scheduler, clock);
        this.recoveredDrafts = new RecoveredDrafts(kept, tasks, drafts);
        // a form opened for a draft kept from before gets it back first; then its changes are kept
        forms.whenRegistered(recoveredDrafts::watch);
        forms.whenRegistered(drafts::watch);
        forms.whenUnregistered(drafts::unwatch);
        // No sync client exists yet: say so rather than pretend to be online or offline.
        syncText.set("Local only · not synced");
        // "Mine only" is about whoever is signed in now
        portfolio.userProperty().bind(user);
        portfolio.rows().addListener((ListChangeListener<Object>) c -> {
            updateCounts();
            customer.showChoices(portfolio.rows().stream()
                    .map(r -> new CustomerChoice(r.tpid(), r.name())).toList());
        });
        // The store calls back on the thread that wrote; hop through the task queue to the FX thread.
        // A burst of writes (a sync page, a batch edit) asks for one refresh, not one per write.
        workspace.addChangeListener(kinds -> {
            synchronized (changedKinds) {
                changedKinds.addAll(kinds);
            }
            if (!refreshQueued.getAndSet(true)) {
                tasks.run(() -> null, ignored -> {
                    refreshQueued.set(false);
                    Set<EntityKind> changed;
                    synchronized (changedKinds) {
                        changed = changedKinds.isEmpty() ? EnumSet.noneOf(EntityKind.class) : EnumSet.copyOf(changedKinds);
                        changedKinds.clear();
                    }
                    refreshAfter(changed);
                }, failure -> refreshQueued.set(false));
            }
        });
    }

    /** Reads everything the window shows, in the background. */
    public void refresh() {
        portfolio.refresh();
        refreshBesidesPortfolio(true);
    }

    /**
     * Reads again what shows rows of {@code changed} kinds: the Portfolio only when customers,
     * tenants, health or usage changed (a saved contact or note does not re-read 1,500 customers;
     * it only re-reads which customers have unsynced edits),
     * the pages of one customer for any change, the status bar always (the outbox may have moved).
     */
    private void refreshAfter(Set<EntityKind> changed) {
        if (!Collections.disjoint(changed, PORTFOLIO_KINDS)) {
            portfolio.refresh();
        } else {
            // the outbox may have moved (an edit, a push, a conflict): only the rows' sync markers
            portfolio.refreshUnsynced();
        }
        refreshBesidesPortfolio(!changed.isEmpty());
    }

    private void refreshBesidesPortfolio(boolean rowsChanged) {
        if (rowsChanged) {
            liveMarks.refresh();
            customer.refresh();
            tenant.refresh();
            // the review queue is read when its tab first shows, then kept current
            if (review.loadedProperty().get()) {
                review.refresh();
            }
        }
        tasks.run(() -> new String[] {workspace.profile(), workspace.location(), workspace.userId(),
                        Integer.toString(workspace.pendingChanges())},
                facts -> {
                    workspaceText.set("Workspace " + facts[0]);
                    locationText.set(facts[1]);
                    user.set(facts[2]);
                    int pending = Integer.parseInt(facts[3]);
                    pendingText.set(pending == 1 ? "1 pending change" : pending + " pending changes");
                },
                failure -> pendingText.set("Pending changes unknown"));
    }

    private void updateCounts() {
        int customers = portfolio.rows().size();
        int tenants = portfolio.rows().stream().mapToInt(r -> r.tenantCount()).sum();
        countsText.set(String.format(Locale.US, "%,d %s · %,d %s", customers, customers == 1 ? "customer" : "customers",
                tenants, tenants == 1 ? "tenant" : "tenants"));
    }

    /** Shows {@code target}. */
    public void show(Page target) {
        page.set(Objects.requireNonNull(target, "target"));
    }

    /**
     * Records that a feature's own tab (see {@link MainWindow#openTab}) is showing rather than a
     * {@link Page}; {@link #pageProperty()} is then {@code null}, so that asking for any page again
     * shows it.
     */
    public void showOther() {
        page.set(null);
    }

    /** Shows the customer with {@code tpid} in the Customer tab. */
    public void openCustomer(long tpid) {
        // an unsaved edit of the customer showing may keep it; the Customer tab shows either way
        customer.open(tpid);
        // looked at: its mark in the Portfolio has done its job
        liveMarks.seeCustomer(tpid);
        show(Page.CUSTOMER);
    }

    /**
     * Takes in a new sign-in: from now on {@code userId} is the workspace's user. The status bar and
     * the Portfolio's "Mine only" follow at once, and what depends on the user's permissions (the
     * Customer and Tenant tabs) is read again for them.
     */
    public void signedIn(String userId) {
        Objects.requireNonNull(userId, "userId");
        workspace.signedIn(userId);
        // the Portfolio re-reads its rows when the user it was built for is no longer the user
        user.set(userId);
        refreshBesidesPortfolio(true);
    }

    /** Switches the theme, and remembers the choice in the workspace for the next start. */
    public void setDark(boolean value) {
        if (dark.get() == value) {
            return;
        }
        dark.set(value);
        tasks.run(() -> workspace.putSetting(THEME_SETTING, value ? "dark" : "light"),
                failure -> { /* the theme still switched; it is only not remembered */ });
    }

    /** Sets the theme the window starts with, without remembering it (e.g. from {@code --dark}). */
    public void restoreDark(boolean value) {
        dark.set(value);
    }

    public PortfolioViewModel portfolio() {
        return portfolio;
    }

    public CustomerViewModel customer() {
        return customer;
    }

    /** The Review tab's model. */
    public ReviewViewModel review() {
        return review;
    }

    /** The model of the Tenant tab, which opens when a tenant is opened. */
    public TenantViewModel tenant() {
        return tenant;
    }

    /** Every editor the window has open; asked before the app quits. */
    public OpenForms forms() {
        return forms;
    }

    /** Keeps what is typed into open forms as drafts in the workspace. */
    public DraftKeeper drafts() {
        return drafts;
    }

    /** The drafts left from before this start, to be offered back. */
    public RecoveredDrafts recoveredDrafts() {
        return recoveredDrafts;
    }

    /** The page showing; {@code null} while a feature's own tab shows. */
    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    /** e.g. "Workspace demo". */
    public ReadOnlyStringProperty workspaceTextProperty() {
        return workspaceText.getReadOnlyProperty();
    }

    /** The signed-in user's ID, e.g. {@code megan.bowen}; empty until the workspace is read. */
    public ReadOnlyStringProperty userProperty() {
        return user.getReadOnlyProperty();
    }

    /** The signed-in user, as the status bar shows them. */
    public ReadOnlyStringProperty userTextProperty() {
        return user.getReadOnlyProperty();
    }

    /** e.g. "25 customers · 61 tenants". */
    public ReadOnlyStringProperty countsTextProperty() {
        return countsText.getReadOnlyProperty();
    }

    /** Where sync stands, honestly. */
    public ReadOnlyStringProperty syncTextProperty() {
        return syncText.getReadOnlyProperty();
    }

    /** e.g. "3 pending changes". */
    public ReadOnlyStringProperty pendingTextProperty() {
        return pendingText.getReadOnlyProperty();
    }

    /** The workspace the window reads. */
    public Workspace workspace() {
        return workspace;
    }

    /** Where the workspace lives, e.g. its directory. */
    public ReadOnlyStringProperty locationTextProperty() {
        return locationText.getReadOnlyProperty();
    }
}

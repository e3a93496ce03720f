package ftop.app.customer;

import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.reveal;
import static ftop.app.testkit.Ui.waitForLabel;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

import ftop.app.AppFixtures;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.tasks.VirtualScheduler;
import ftop.app.testkit.ViewWindow;
import ftop.app.widgets.DateText;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.contact.Contact;
import ftop.core.contact.ContactKind;
import ftop.core.customer.Customer;
import ftop.core.dataset.DemoUsers;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerStatus;
import ftop.core.health.Workload;
import ftop.core.store.LocalStore;
import ftop.core.usage.Forecast;
import ftop.core.usage.Quarter;

/**
 * Drives the real Customer tab on a real local store in a temporary folder, loaded with the demo
 * workspace: every edit path of the tab, as a person clicks and types it.
 */
class CustomerTabTest extends FxRobot {

    @TempDir
    Path home;

    @RegisterExtension
    final ViewWindow window = new ViewWindow();

    private final Clock clock = AppFixtures.clock();
    private StoreWorkspace workspace;
    private LocalStore store;
    private BackgroundTasks tasks;
    private CustomerViewModel model;
    private CustomerView view;
    /** The answers the confirmation dialog gives, in order; what it was asked. */
    private final List<Boolean> answers = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private Customer contoso;

    @BeforeEach
    void start() throws Exception {
        start(Optional.empty());
    }

    private void start(Optional<String> user) throws Exception {
        workspace = window.open(home, user);
        store = workspace.store();
        contoso = window.customer("Contoso");
        tasks = window.tasks();
        window.show(1400, 900, () -> {
            // the notice after an edit stays until the test moves this time on
            model = new CustomerViewModel(workspace, tasks, clock, new CustomerEdits(workspace, tasks, clock),
                    new VirtualScheduler(clock.instant()));
            view = new CustomerView(model, (owner, title, question, yes) -> {
                asked.add(question);
                return answers.isEmpty() ? false : answers.remove(0);
            });
            return view;
        });
        interact(() -> {
            model.refresh();
            model.select(contoso.tpid());
        });
        waitForLabel("#customerName", "Contoso");
    }

    @Test
    void pencilChangeSavePersistsTheSectionAndQueuesItForTheServer() {
        CustomerStatus before = health().progress().status().orElseThrow();
        CustomerStatus after = before == CustomerStatus.NO_INTENT ? CustomerStatus.IN_PROGRESS : CustomerStatus.NO_INTENT;
        assertThat(shown("#customerStatusField")).isFalse();

        click("#customerProgressEdit");
        pick("#customerStatusField", after.label());
        typeDate("#nextReviewDateField", "Jun 1, 2021");
        click("#customerProgressSave");

        waitForLabel("#customerStatus", after.label());
        assertThat(label("#nextReviewDate")).isEqualTo("Jun 1, 2021");
        assertThat(shown("#customerProgressSave")).isFalse();
        assertThat(health().progress().status()).contains(after);
        assertThat(health().progress().nextReviewDate()).contains(java.time.LocalDate.of(2021, 6, 1));
        assertThat(store.outbox().pendingCount()).isEqualTo(1);
        assertThat(store.outbox().pending(10).get(0).mutation().fields()).containsKeys("progress.status");
    }

    @Test
    void aRefreshWhileEditingKeepsWhatWasTyped() {
        String watch = label("#cxpWatchlist").equals("Critical") ? "Graduated" : "Critical";
        click("#customerProgressEdit");
        pick("#cxpWatchlistField", watch);

        // another change lands in the store (a sync, another section): the tab reads the customer again
        CustomerHealth stored = health();
        store.save(stored.withPerspective(new ftop.core.health.CustomerPerspective(
                Optional.of(stored.perspective().mindset().orElse(ftop.core.health.OverallMindset.ALIGNED)
                        == ftop.core.health.OverallMindset.AVERSE ? ftop.core.health.OverallMindset.ALIGNED
                        : ftop.core.health.OverallMindset.AVERSE),
                stored.perspective().completionDate(), stored.perspective().businessReason(),
                stored.perspective().successOwner())));
        interact(() -> model.refresh());
        waitUntil("the customer read again", () -> !model.loadingProperty().get());

        assertThat(shown("#customerProgressSave")).isTrue();
        assertThat(comboText("#cxpWatchlistField")).isEqualTo(watch);
        click("#customerProgressSave");
        waitForLabel("#cxpWatchlist", watch);
        // both edits are kept: this section's and the one that arrived meanwhile
        assertThat(health().progress().cxpWatchlist().map(ftop.core.Labelled::label)).contains(watch);
        assertThat(health().perspective()).isNotEqualTo(stored.perspective());
    }

    @Test
    void doubleClickingATenantOpensIt() {
        var winner = store.tenants().byTpid(contoso.tpid()).stream().filter(t -> t.winner()).findFirst().orElseThrow();
        reveal(lookup("#tenantRow0").query());
        doubleClickOn("#tenantRow0");
        waitUntil("the tenant's details", () -> label("#tenantDetails").contains(winner.tenantId().toString()));
        assertThat(label("#tenantDetails")).startsWith(winner.name());
    }

    @Test
    void undoPutsTheSavedSectionBack() {
        CustomerHealth before = health();
        String mindset = label("#overallMindset");
        String other = mindset.equals("Compete") ? "Averse" : "Compete";

        click("#customerPerspectiveEdit");
        pick("#overallMindsetField", other);
        click("#customerPerspectiveSave");
        waitForLabel("#overallMindset", other);
        assertThat(shown("#undoButton")).isTrue();
        assertThat(label("#undoNotice")).isEqualTo("Customer Perspective saved.");

        clickOn("#undoButton");
        waitForLabel("#overallMindset", mindset);
        waitUntil("the store to hold the old value", () -> health().equals(before));
        assertThat(shown("#undoButton")).isFalse();
        // the undo is an edit of its own, queued for the server like the edit it undid
        assertThat(store.outbox().pending(10)).extracting(e -> e.mutation().kind())
                .containsOnly(ftop.core.change.EntityKind.HEALTH);
        assertThat(store.outbox().pending(10)).isNotEmpty();
    }

    @Test
    void undoBringsBackARemovedContact() {
        Contact gone = store.contacts().byTpid(contoso.tpid()).stream()
                .filter(c -> health().perspective().successOwner().filter(c.id()::equals).isEmpty())
                .findFirst().orElseThrow();
        int before = store.contacts().byTpid(contoso.tpid()).size();
        answers.add(true);
        reveal(removeButtonOf(gone.name()));
        clickOn(removeButtonOf(gone.name()));
        waitUntil("the contact to go", () -> store.contacts().byTpid(contoso.tpid()).size() == before - 1);
        waitForLabel("#undoNotice", "Contact " + gone.name() + " removed.");

        clickOn("#undoButton");
        waitUntil("the contact to come back", () -> store.contacts().get(gone.id().toString()).isPresent());
        assertThat(store.contacts().get(gone.id().toString())).contains(gone);
        waitUntil("the contact in the list", () -> lookup("#contactList").lookup(LabeledMatchers.hasText(gone.name()))
                .tryQuery().isPresent());
        assertThat(store.outbox().pending(10)).extracting(e -> e.mutation().entityId()).contains(gone.id().toString());
    }

    @Test
    void undoOfTheSuccessOwnersRemovalPutsBackTheContactAndTheHealthForm() {
        CustomerHealth before = health();
        java.util.UUID ownerId = before.perspective().successOwner().orElseThrow();
        Contact owner = store.contacts().get(ownerId.toString()).orElseThrow();
        answers.add(true);
        reveal(removeButtonOf(owner.name()));
        clickOn(removeButtonOf(owner.name()));
        waitUntil("the Success Owner to be cleared", () -> health().perspective().successOwner().isEmpty());

        clickOn("#undoButton");
        waitUntil("the Success Owner back", () -> health().equals(before));
        assertThat(store.contacts().get(ownerId.toString())).contains(owner);
    }

    @Test
    void undoOfAForecastEditPutsBackTheOldFiguresAlsoByCtrlZ() {
        Quarter next = Quarter.of(AppFixtures.TODAY).next();
        Optional<Forecast> before = forecast(Workload.EXCHANGE, next);
        click("#forecastEdit");
        click("#forecastField-EXCHANGE-" + next).push(KeyCode.CONTROL, KeyCode.A).write("54,321");
        click("#forecastSave");
        waitUntil("the forecast", () -> forecast(Workload.EXCHANGE, next).filter(f -> f.projectedActive() == 54_321)
                .isPresent());
        waitForLabel("#undoNotice", "Forecast cell saved.");

        // Ctrl+Z outside a text field undoes the latest edit of the customer
        click("#customerName").push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil("the old forecast", () -> forecast(Workload.EXCHANGE, next).equals(before));
        waitForLabel("#forecast-EXCHANGE-" + next,
                before.map(f -> String.format(java.util.Locale.US, "%,d", f.projectedActive())).orElse("—"));
        assertThat(shown("#undoButton")).isFalse();
    }

    @Test
    void undoGoesBackOneEditAtATime() {
        Quarter now = Quarter.of(AppFixtures.TODAY);
        Optional<Forecast> before = forecast(Workload.INTUNE, now);
        click("#addContactButton");
        click("#contactNameField").write("Ana Souza");
        click("#contactSave");
        waitUntil("the new contact", () -> store.contacts().byTpid(contoso.tpid()).stream()
                .anyMatch(c -> c.name().equals("Ana Souza")));
        click("#forecastEdit");
        click("#forecastField-INTUNE-" + now).push(KeyCode.CONTROL, KeyCode.A).write("777");
        click("#forecastSave");
        waitForLabel("#undoNotice", "Forecast cell saved.");

        clickOn("#undoButton");
        waitUntil("the forecast back", () -> forecast(Workload.INTUNE, now).equals(before));
        waitForLabel("#undoNotice", "Contact Ana Souza added.");
        clickOn("#undoButton");
        waitUntil("the contact gone", () -> store.contacts().byTpid(contoso.tpid()).stream()
                .noneMatch(c -> c.name().equals("Ana Souza")));
        waitUntil("nothing left to undo", () -> !shown("#undoButton"));
    }

    @Test
    void cancelRestoresTheValuesFromBeforeTheEditAndWritesNothing() {
        CustomerHealth before = health();
        String status = label("#customerStatus");
        String mindset = label("#overallMindset");

        click("#customerPerspectiveEdit");
        pick("#overallMindsetField", mindset.equals("Compete") ? "Averse" : "Compete");
        click("#customerPerspectiveCancel");

        assertThat(label("#overallMindset")).isEqualTo(mindset);
        assertThat(label("#customerStatus")).isEqualTo(status);
        click("#customerPerspectiveEdit");
        assertThat(comboText("#overallMindsetField")).isEqualTo(mindset);
        click("#customerPerspectiveCancel");
        assertThat(health()).isEqualTo(before);
        assertThat(store.outbox().pendingCount()).isZero();
    }

    @Test
    void invalidInputBlocksSaveWithTheMessageAtItsField() {
        CustomerHealth before = health();
        click("#customerProgressEdit");
        typeDate("#expectedProgressDueField", "sometime soon");
        typeDate("#previousReviewDateField", "2099-01-01");
        click("#customerProgressSave");

        waitUntil("the date problem", () -> !label("#expectedProgressDueError").isEmpty());
        assertThat(label("#expectedProgressDueError")).contains("\"sometime soon\" is not a date");
        assertThat(shown("#customerProgressSave")).isTrue();
        assertThat(health()).isEqualTo(before);

        // the typing is fixed; core validation then refuses a review in the future
        typeDate("#expectedProgressDueField", "2021-09-30");
        click("#customerProgressSave");
        waitUntil("the future review problem", () -> !label("#previousReviewDateError").isEmpty());
        assertThat(label("#previousReviewDateError")).contains("in the future");
        assertThat(label("#expectedProgressDueError")).isEmpty();
        assertThat(lookup("#previousReviewDateField").query().getPseudoClassStates())
                .extracting(Object::toString).contains("invalid");
        assertThat(shown("#customerProgressSave")).isTrue();
        assertThat(health()).isEqualTo(before);
        assertThat(store.outbox().pendingCount()).isZero();
    }

    @Test
    void addNewStatusHandsTheWinnerTenantOver() {
        // the Customer tab alone cannot open the winner tenant's tab; the shell wires that
        assertThat(lookup("#addStatusButton").query().isDisabled()).isTrue();
        List<ftop.core.tenant.Tenant> asked = new ArrayList<>();
        interact(() -> view.setOnAddStatus(asked::add));
        click("#addStatusButton");
        assertThat(asked).extracting(ftop.core.tenant.Tenant::winner).containsExactly(true);
        assertThat(asked.get(0).tpid()).isEqualTo(contoso.tpid());
    }

    @Test
    void withoutAWinnerTenantAddNewStatusIsDisabledAndSaysWhy() {
        interact(() -> view.setOnAddStatus(t -> { throw new AssertionError("opened " + t.name()); }));
        ftop.core.tenant.Tenant winner = store.tenants().byTpid(contoso.tpid()).stream().filter(t -> t.winner())
                .findFirst().orElseThrow();
        store.save(winner.withWinner(false));
        interact(() -> model.refresh());
        waitUntil("the card to say so", () -> lookup("#statusLatest").lookup(LabeledMatchers.hasText(
                        "This customer has no winner tenant yet; Enterprise Status is kept on the winner tenant, "
                                + "so one must be flagged first.")).tryQuery().isPresent());
        assertThat(lookup("#addStatusButton").query().isDisabled()).isTrue();
        javafx.scene.control.Tooltip tip = (javafx.scene.control.Tooltip) lookup("#addStatusButton").query()
                .getParent().getProperties().get("javafx.scene.control.Tooltip");
        assertThat(tip.getText()).startsWith("This customer has no winner tenant");
    }

    @Test
    void contactsAreAddedEditedAndRemoved() {
        int before = store.contacts().byTpid(contoso.tpid()).size();
        click("#addContactButton");
        pick("#contactKindField", "Microsoft");
        click("#contactNameField").write("Jordan Reyes");
        click("#contactTitleField").write("Intune CAT");
        click("#contactEmailField").write("jordan.reyes@microsoft.com");
        click("#contactSave");

        waitUntil("the new contact", () -> store.contacts().byTpid(contoso.tpid()).size() == before + 1);
        Contact added = contact("Jordan Reyes");
        assertThat(added.kind()).isEqualTo(ContactKind.MICROSOFT);
        assertThat(added.title()).isEqualTo("Intune CAT");
        waitUntil("the contact in the list", () -> lookup("#contactList").lookup(LabeledMatchers.hasText("Jordan Reyes"))
                .tryQuery().isPresent());

        reveal(editButtonOf("Jordan Reyes"));
        clickOn(editButtonOf("Jordan Reyes"));
        click("#contactTitleField").push(KeyCode.CONTROL, KeyCode.A).write("GTP");
        click("#contactSave");
        waitUntil("the new title", () -> contact("Jordan Reyes").title().equals("GTP"));

        answers.add(true);
        reveal(removeButtonOf("Jordan Reyes"));
        clickOn(removeButtonOf("Jordan Reyes"));
        waitUntil("the contact to go", () -> store.contacts().byTpid(contoso.tpid()).size() == before);
        assertThat(asked).hasSize(1);
        assertThat(store.outbox().pendingCount()).isEqualTo(3);
    }

    @Test
    void aContactWithoutANameIsRefusedAtTheName() {
        click("#addContactButton");
        click("#contactEmailField").write("not-an-address");
        click("#contactSave");
        waitUntil("the problems", () -> !label("#contactNameError").isEmpty());
        assertThat(label("#contactNameError")).contains("Name is required");
        assertThat(label("#contactEmailError")).contains("not an e-mail address");
        assertThat(store.outbox().pendingCount()).isZero();
    }

    @Test
    void forecastEditsPersist() {
        Quarter next = Quarter.of(AppFixtures.TODAY).next();
        String cell = "#forecastField-EXCHANGE-" + next;
        click("#forecastEdit");
        click(cell).push(KeyCode.CONTROL, KeyCode.A).write("12,345");
        click("#forecastSave");

        waitUntil("the forecast", () -> forecast(Workload.EXCHANGE, next).filter(f -> f.projectedActive() == 12_345)
                .isPresent());
        waitForLabel("#forecast-EXCHANGE-" + next, "12,345");
        assertThat(store.outbox().pendingCount()).isEqualTo(1);
    }

    @Test
    void aForecastThatIsNotANumberIsRefused() {
        Quarter now = Quarter.of(AppFixtures.TODAY);
        Optional<Forecast> before = forecast(Workload.INTUNE, now);
        click("#forecastEdit");
        click("#forecastField-INTUNE-" + now).push(KeyCode.CONTROL, KeyCode.A).write("lots");
        click("#forecastSave");
        assertThat(label("#forecastMessage")).contains("\"lots\" is not a whole number");
        assertThat(shown("#forecastSave")).isTrue();
        assertThat(forecast(Workload.INTUNE, now)).isEqualTo(before);
    }

    @Test
    void switchingCustomerWithAnUnsavedEditAsksFirst() {
        Customer other = store.customers().all().stream().filter(c -> c.tpid() != contoso.tpid()).findFirst().orElseThrow();
        click("#customerProgressEdit");
        pick("#cxpWatchlistField", label("#cxpWatchlist").equals("Critical") ? "Graduated" : "Critical");

        answers.add(false);
        interact(() -> model.open(other.tpid()));
        assertThat(asked).hasSize(1);
        assertThat(label("#customerName")).isEqualTo("Contoso");
        assertThat(shown("#customerProgressSave")).isTrue();

        answers.add(true);
        interact(() -> model.open(other.tpid()));
        waitForLabel("#customerName", other.name());
        assertThat(asked).hasSize(2);
        assertThat(shown("#customerProgressSave")).isFalse();
        assertThat(store.outbox().pendingCount()).isZero();
    }

    @Test
    void aUserWithoutPermissionSeesNoPencil() throws Exception {
        window.close();
        home = home.resolveSibling(home.getFileName() + "-lee");
        start(Optional.of(DemoUsers.LEE_GU));

        for (String pencil : List.of("#customerProgressEdit", "#customerPerspectiveEdit", "#forecastEdit",
                "#addContactButton")) {
            assertThat(lookup(pencil).query().isVisible()).as(pencil).isFalse();
        }
        // Add new status shows, disabled, with the reason in its tooltip
        interact(() -> view.setOnAddStatus(t -> { throw new AssertionError("opened " + t.name()); }));
        assertThat(lookup("#addStatusButton").query().isVisible()).isTrue();
        assertThat(lookup("#addStatusButton").query().isDisabled()).isTrue();
        javafx.scene.control.Tooltip tip = (javafx.scene.control.Tooltip) lookup("#addStatusButton").query()
                .getParent().getProperties().get("javafx.scene.control.Tooltip");
        assertThat(tip.getText()).contains("Only the health FM or FTA");
        assertThat(shown("#customerReadOnly")).isTrue();
        assertThat(label("#customerReadOnly")).contains("Only the health FM or FTA");
        assertThat(lookup("#contactList").lookup(".button").tryQuery()).isEmpty();
    }

    /** True when the node and every parent are visible: what a person could see, scrolled to it. */
    private boolean shown(String id) {
        for (Node n = lookup(id).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Scrolls the dashboard so {@code id} is on screen, then clicks it, as a person would. */
    private org.testfx.api.FxRobotInterface click(String id) {
        Node node = lookup(id).query();
        reveal(node);
        return clickOn(node);
    }

    private CustomerHealth health() {
        return store.health().get(Long.toString(contoso.tpid())).orElseThrow();
    }

    private Contact contact(String name) {
        return store.contacts().byTpid(contoso.tpid()).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private Optional<Forecast> forecast(Workload w, Quarter q) {
        return store.forecasts().byTpid(contoso.tpid()).stream().filter(f -> f.workload() == w && f.quarter().equals(q))
                .findFirst();
    }

    private Node editButtonOf(String name) {
        return buttonOf(name, "editContact");
    }

    private Node removeButtonOf(String name) {
        return buttonOf(name, "removeContact");
    }

    private Node buttonOf(String name, String prefix) {
        Node row = lookup(".contact-row").match(n -> !lookupFrom(n, name).isEmpty()).query();
        return row.lookupAll(".button").stream().filter(b -> b.getId() != null && b.getId().startsWith(prefix))
                .findFirst().orElseThrow();
    }

    private List<Node> lookupFrom(Node root, String text) {
        return from(root).lookup(LabeledMatchers.hasText(text)).queryAll().stream().toList();
    }

    private void pick(String comboId, String text) {
        click(comboId);
        Node cell = lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(text)).query();
        clickOn(cell);
        @SuppressWarnings("unchecked")
        ComboBox<Object> box = lookup(comboId).queryAs(ComboBox.class);
        assertThat(String.valueOf(box.getValue() instanceof ftop.core.Labelled l ? l.label() : box.getValue()))
                .isEqualTo(text);
    }

    private String comboText(String comboId) {
        return String.valueOf(lookup(comboId).queryAs(ComboBox.class).getValue());
    }

    private void typeDate(String pickerId, String text) {
        DatePicker picker = lookup(pickerId).queryAs(DatePicker.class);
        reveal(picker);
        clickOn(picker.getEditor()).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE).write(text);
    }

    static String date(java.time.LocalDate d) {
        return DateText.of(d);
    }
}

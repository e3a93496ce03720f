package ftop.app.tenant;

import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.change.EntityKind;
import ftop.core.customer.Customer;
import ftop.core.dataset.DemoUsers;
import ftop.core.store.LocalStore;
import ftop.core.tenant.Tenant;
import ftop.core.tenant.TenantOrigin;
import ftop.sync.client.SyncClient;
import ftop.sync.client.SyncException;
import ftop.sync.demo.EmbeddedDemo;

/**
 * The assignment team adds a tenant by hand in the "Add tenant" dialog of a workspace filled from a
 * real server on loopback: mistakes are named under their fields and go when fixed, Esc closes
 * without adding, and a tenant added while the server is down waits in the outbox and reaches the
 * server with the first sync after it is back.
 */
class TenantExceptionDialogTest extends FxRobot {

    @TempDir
    Path home;
    @TempDir
    Path serverHome;
    @TempDir
    Path colleagueHome;

    private EmbeddedDemo server;
    private LocalStore store;
    private StoreWorkspace workspace;
    private BackgroundTasks tasks;
    private TenantExceptionModel model;
    private final List<Tenant> added = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = EmbeddedDemo.start(serverHome);
        store = LocalStore.open(home);
        SyncClient client = new SyncClient(server.url(), store);
        client.login(DemoUsers.LEE_GU, DemoUsers.DEMO_PASSWORD);
        client.sync(progress -> { });
        store.putSetting(StoreWorkspace.USER_SETTING, DemoUsers.LEE_GU);
        workspace = StoreWorkspace.attach("assignments", store);
        tasks = BackgroundTasks.create();
        model = new TenantExceptionModel(workspace, tasks, Clock.systemDefaultZone());
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        tasks.close();
        workspace.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTenantAddedOfflineIsQueuedAndReachesTheServerOnceItIsBack() throws Exception {
        Customer customer = store.customers().all().get(0);
        server.close();
        server = null;
        open(OptionalLong.of(customer.tpid()));
        waitUntil("the customer named", () -> text("#exceptionCustomer").equals("Customer: " + customer.name()));
        int queued = store.pendingCount();

        clickOn("#exceptionTenantId").write("not-a-guid");
        clickOn("#exceptionName").write("exempt.onmicrosoft.com");
        clickOn("#exceptionUsers").write("many");
        type(KeyCode.ENTER);
        waitUntil("the mistakes", () -> !text("#exceptionTenantIdError").isEmpty());
        assertThat(text("#exceptionTenantIdError")).contains("not a tenant ID");
        assertThat(text("#exceptionUsersError")).contains("whole number");
        assertThat(text("#exceptionNameError")).isEmpty();
        assertThat(store.pendingCount()).isEqualTo(queued);
        assertThat(dialogShowing()).isTrue();

        String id = UUID.randomUUID().toString();
        replace("#exceptionTenantId", id);
        assertThat(text("#exceptionTenantIdError")).as("fixing the field clears its error").isEmpty();
        replace("#exceptionUsers", "1200");
        assertThat(text("#exceptionUsersError")).isEmpty();
        assertThat(elided()).as("cut off at 1280x800").isEmpty();
        type(KeyCode.ENTER);
        waitUntil("the tenant added", () -> !added.isEmpty() && !dialogShowing());

        Tenant tenant = store.tenants().get(id).orElseThrow();
        assertThat(tenant.tpid()).isEqualTo(customer.tpid());
        assertThat(tenant.userCount()).isEqualTo(1200);
        assertThat(tenant.origin()).isEqualTo(TenantOrigin.TENANT_EXCEPTION);
        assertThat(store.pendingCount()).isEqualTo(queued + 1);
        assertThat(store.pendingEdits()).anySatisfy(e -> {
            assertThat(e.mutation().kind()).isEqualTo(EntityKind.TENANT);
            assertThat(e.mutation().entityId()).isEqualTo(id);
        });
        SyncClient offline = SyncClient.forWorkspace(store).orElseThrow();
        assertThatThrownBy(() -> offline.sync(progress -> { })).isInstanceOf(SyncException.class);
        assertThat(store.pendingCount()).isEqualTo(queued + 1);

        // the server is back (on a new port, as the demo's is on every start)
        server = EmbeddedDemo.start(serverHome);
        SyncClient online = new SyncClient(server.url(), store);
        online.login(DemoUsers.LEE_GU, DemoUsers.DEMO_PASSWORD);
        online.sync(progress -> { });
        assertThat(store.pendingCount()).isZero();
        assertThat(store.problems()).isEmpty();
        try (LocalStore colleague = LocalStore.open(colleagueHome)) {
            SyncClient admin = new SyncClient(server.url(), colleague);
            admin.login(DemoUsers.NESTOR_WILKE, DemoUsers.DEMO_PASSWORD);
            admin.sync(progress -> { });
            assertThat(colleague.tenants().get(id)).hasValueSatisfying(t -> {
                assertThat(t.name()).isEqualTo("exempt.onmicrosoft.com");
                assertThat(t.origin()).isEqualTo(TenantOrigin.TENANT_EXCEPTION);
            });
        }
    }

    @Test
    void escClosesWithoutAddingAndTheRulesOfTheServerApply() throws Exception {
        Tenant known = store.tenants().all().get(0);
        open(OptionalLong.empty());
        int queued = store.pendingCount();
        assertThat(lookup("#exceptionTpid").queryAs(TextField.class).isFocused()).isTrue();

        write(Long.toString(known.tpid()));
        clickOn("#exceptionTenantId").write(known.tenantId().toString());
        clickOn("#exceptionName").write("again.onmicrosoft.com");
        clickOn("#exceptionAdd");
        waitUntil("the refusal", () -> !text("#exceptionTenantIdError").isEmpty());
        assertThat(text("#exceptionTenantIdError")).contains("already in FTOP").contains(known.name());
        assertThat(store.tenants().get(known.tenantId().toString())).contains(known);

        type(KeyCode.ESCAPE);
        waitUntil("the dialog closed", () -> !dialogShowing());
        assertThat(added).isEmpty();
        assertThat(store.pendingCount()).isEqualTo(queued);
    }

    private void open(OptionalLong tpid) {
        interact(() -> {
            TenantExceptionDialog dialog = TenantExceptionDialog.open(null, model, tpid, added::add);
            dialog.setWidth(Math.min(dialog.getWidth(), 1280));
        });
        waitUntil("the dialog", this::dialogShowing);
    }

    private boolean dialogShowing() {
        return lookup("#tenantExceptionDialog").tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false);
    }

    private void replace(String id, String text) {
        interact(() -> lookup(id).queryAs(TextField.class).clear());
        clickOn(id).write(text);
    }

    private List<String> elided() {
        List<String> cut = new ArrayList<>();
        for (Node n : lookup("#tenantExceptionDialog").lookup((Node node) -> node instanceof Labeled).queryAll()) {
            Labeled l = (Labeled) n;
            if (l.isVisible() && l.getText() != null && !l.getText().isEmpty()
                    && l.lookup(".text") instanceof javafx.scene.text.Text t && !t.getText().equals(l.getText())) {
                cut.add(l.getText() + " -> " + t.getText());
            }
        }
        return cut;
    }

    private String text(String id) {
        return lookup(id).tryQuery().filter(Node::isVisible).map(n -> n instanceof Labeled l ? l.getText() : "")
                .orElse("");
    }
}

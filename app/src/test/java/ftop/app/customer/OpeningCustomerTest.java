package ftop.app.customer;

import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppFixtures;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.tasks.VirtualScheduler;
import ftop.app.widgets.DialogService;
import ftop.app.widgets.Theme;
import ftop.app.workspace.ForwardingWorkspace;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.customer.Customer;

/**
 * Opening a customer on the Customer tab while the workspace is slow to read it: the tab says which
 * customer is on its way instead of "Pick a customer", and another customer starts at its top.
 */
class OpeningCustomerTest extends FxRobot {

    @TempDir
    Path home;

    private final Clock clock = AppFixtures.clock();
    private StoreWorkspace workspace;
    private BackgroundTasks tasks;
    private CustomerViewModel model;
    /** While closed, reading a customer waits: a busy machine, a large workspace. */
    private volatile CountDownLatch gate = new CountDownLatch(0);

    @BeforeEach
    void start() throws Exception {
        workspace = StoreWorkspace.open("demo", Optional.of(home), AppFixtures.TODAY, clock);
        ForwardingWorkspace slow = new ForwardingWorkspace(workspace) {
            @Override
            public Optional<Customer> customer(long tpid) {
                try {
                    gate.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.customer(tpid);
            }
        };
        tasks = BackgroundTasks.create();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Theme.apply(false);
            model = new CustomerViewModel(slow, tasks, clock, new CustomerEdits(slow, tasks, clock),
                    new VirtualScheduler(clock.instant()));
            Scene scene = new Scene(new CustomerView(model, DialogService.always(true)), 1280, 800);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
        });
        model.loadChoices();
        waitUntil("the customers to pick from", () -> !model.choices().isEmpty());
    }

    @AfterEach
    void stop() throws Exception {
        gate.countDown();
        FxToolkit.cleanupStages();
        tasks.close();
        workspace.close();
    }

    @Test
    void whileACustomerIsReadTheTabSaysWhichOneIsOnItsWay() {
        Customer contoso = customer("Contoso");
        gate = new CountDownLatch(1);
        interact(() -> model.open(contoso.tpid()));

        waitUntil("the loading state", () -> shown("#customerOpening"));
        assertThat(label("#customerOpening")).isEqualTo("Opening Contoso…");
        assertThat(shown("#customerPlaceholder")).as("not \"Pick a customer\"").isFalse();

        gate.countDown();
        waitUntil("Contoso", () -> "Contoso".equals(label("#customerName")) && shown("#customerScroll"));
        assertThat(shown("#customerOpening")).isFalse();
    }

    @Test
    void anotherCustomerStartsAtItsTopAndAReReadKeepsThePlace() {
        Customer contoso = customer("Contoso");
        Customer other = model.choices().stream().filter(c -> c.tpid() != contoso.tpid()).findFirst()
                .map(c -> customer(c.name())).orElseThrow();
        interact(() -> model.open(contoso.tpid()));
        waitUntil("Contoso", () -> "Contoso".equals(label("#customerName")));
        ScrollPane scroll = lookup("#customerScroll").queryAs(ScrollPane.class);
        interact(() -> scroll.setVvalue(0.8));

        interact(() -> model.refresh());
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("the re-read", () -> !model.loadingProperty().get());
        assertThat(scroll.getVvalue()).as("the same customer read again stays where it was").isEqualTo(0.8);

        interact(() -> model.open(other.tpid()));
        waitUntil(other.name(), () -> other.name().equals(label("#customerName")));
        assertThat(scroll.getVvalue()).isZero();
    }

    private Customer customer(String name) {
        return workspace.store().customers().all().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private boolean shown(String query) {
        Node node = lookup(query).tryQuery().orElse(null);
        if (node == null || node.getScene() == null) {
            return false;
        }
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

}

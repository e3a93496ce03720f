package ftop.app.shell;

import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import ftop.app.AppFixtures;
import ftop.app.FtopApplication;
import ftop.app.Screenshots;
import ftop.app.testkit.DesktopApp;
import ftop.core.customer.Customer;
import ftop.core.health.CustomerHealth;
import ftop.core.health.Workload;
import ftop.core.store.LocalStore;
import ftop.core.usage.Forecast;
import ftop.core.usage.Quarter;

/**
 * An FM's day in the whole window with the keyboard only: no click anywhere. Open a customer from
 * the Portfolio, edit and save a health section, leave an edit with Esc, open and close the
 * assignment dialog, and commit a forecast cell with Enter. Every control is reached with Tab, so
 * the test also proves the focus order gets there, and that a focused pencil shows its ring.
 */
class KeyboardDayTest extends FxRobot {

    /** More Tabs than any of these walks needs; a control not reached by then is not reachable. */
    private static final int MAX_TABS = 120;

    @TempDir
    Path home;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    private FtopApplication app;
    private LocalStore store;
    private Customer contoso;

    @BeforeEach
    void start() throws Exception {
        app = desktop.start(home);
        store = desktop.store();
        contoso = desktop.customer("Contoso");
    }

    @Test
    void theDayWithTheKeyboardOnly() {
        // the Portfolio: Ctrl+1, search, and Enter on the row opens the customer
        push(KeyCode.CONTROL, KeyCode.DIGIT1);
        tabTo("#portfolioSearch");
        write("Contoso");
        waitUntil("Contoso alone", () -> app.shell().portfolio().rows().stream()
                .anyMatch(r -> r.name().equals("Contoso")));
        tabTo("#portfolioTable");
        type(KeyCode.HOME);
        type(KeyCode.ENTER);
        waitUntil("Contoso on the Customer tab", () -> "Contoso".equals(text("#customerName"))
                && lookup("#customerProgressEdit").tryQuery().map(Node::isVisible).orElse(false));

        // edit and save Customer Progress: pencil, a new next review date, Save
        tabTo("#customerProgressEdit");
        assertThat(focusRingShows(lookup("#customerProgressEdit").queryButton()))
                .as("the focused pencil shows a ring").isTrue();
        Screenshots.save(lookup("#mainWindow").query().getScene(), "1280-focused-pencil-light");
        type(KeyCode.SPACE);
        waitUntil("the progress editor", () -> shown("#customerProgressSave"));
        tabTo("#nextReviewDateField");
        push(KeyCode.CONTROL, KeyCode.A);
        write("Jun 1, 2021");
        tabTo("#customerProgressSave");
        type(KeyCode.SPACE);
        waitUntil("the saved date", () -> health().progress().nextReviewDate()
                .equals(Optional.of(java.time.LocalDate.of(2021, 6, 1))) && !shown("#customerProgressSave"));
        assertThat(text("#nextReviewDate")).isEqualTo("Jun 1, 2021");

        // Esc leaves an edit of Customer Perspective unsaved, and the pencil has the focus again
        CustomerHealth before = health();
        String mindset = text("#overallMindset");
        tabTo("#customerPerspectiveEdit");
        type(KeyCode.SPACE);
        waitUntil("the perspective editor", () -> shown("#customerPerspectiveSave"));
        tabTo("#overallMindsetField");
        ComboBox<?> mindsets = lookup("#overallMindsetField").queryComboBox();
        Object was = mindsets.getValue();
        type(mindsets.getSelectionModel().getSelectedIndex() == 0 ? KeyCode.DOWN : KeyCode.UP);
        assertThat(mindsets.getValue()).isNotEqualTo(was);
        type(KeyCode.ESCAPE);
        waitUntil("the edit to end", () -> !shown("#customerPerspectiveSave"));
        assertThat(text("#overallMindset")).isEqualTo(mindset);
        assertThat(focused()).isSameAs(lookup("#customerPerspectiveEdit").query());
        assertThat(health()).isEqualTo(before);

        // the assignment dialog opens from its button and Esc closes it
        tabTo("#manageAssignmentsButton");
        type(KeyCode.SPACE);
        waitUntil("the assignment dialog", () -> assignmentDialog().isPresent());
        waitUntil("the dialog focused", () -> assignmentDialog().map(Window::isFocused).orElse(false));
        type(KeyCode.ESCAPE);
        waitUntil("the dialog closed", () -> assignmentDialog().isEmpty());

        // the forecast: pencil, type into next quarter's Exchange cell, Enter saves it
        Quarter next = Quarter.of(AppFixtures.TODAY).next();
        tabTo("#forecastEdit");
        type(KeyCode.SPACE);
        waitUntil("the forecast editor", () -> shown("#forecastSave"));
        tabTo("#forecastField-EXCHANGE-" + next);
        push(KeyCode.CONTROL, KeyCode.A);
        write("54321");
        type(KeyCode.ENTER);
        waitUntil("the forecast saved", () -> store.forecasts().byTpid(contoso.tpid()).stream()
                .anyMatch(f -> f.workload() == Workload.EXCHANGE && f.quarter().equals(next)
                        && f.projectedActive() == 54_321) && !shown("#forecastSave"));
        assertThat(text("#forecast-EXCHANGE-" + next)).isEqualTo("54,321");
        assertThat(focused()).isSameAs(lookup("#forecastEdit").query());
        assertThat(store.forecasts().byTpid(contoso.tpid())).extracting(Forecast::projectedActive).contains(54_321L);
    }

    /**
     * Presses Tab until {@code query} has the focus, or fails when it never comes: the control
     * cannot be reached from the keyboard.
     */
    private void tabTo(String query) {
        Node target = lookup(query).query();
        for (int i = 0; i < MAX_TABS; i++) {
            if (isFocusedWithin(target)) {
                return;
            }
            type(KeyCode.TAB);
        }
        throw new AssertionError(query + " cannot be reached with Tab; the focus is on " + focused());
    }

    /** True when {@code node} or a node in it (a date picker's text field) has the focus. */
    private boolean isFocusedWithin(Node node) {
        for (Node at = focused(); at != null; at = at.getParent()) {
            if (at == node) {
                return true;
            }
        }
        return false;
    }

    private Node focused() {
        Window window = Window.getWindows().stream().filter(Window::isFocused).findFirst()
                .orElse(app.shell() == null ? null : lookup("#mainWindow").query().getScene().getWindow());
        return window == null || window.getScene() == null ? null : window.getScene().getFocusOwner();
    }

    /** The ring: a border drawn outside the button while it has the focus. */
    private static boolean focusRingShows(Button button) {
        return button.isFocused() && button.getBorder() != null && !button.getBorder().getStrokes().isEmpty()
                && button.getBorder().getStrokes().get(0).getWidths().getTop() >= 2;
    }

    private Optional<Window> assignmentDialog() {
        return Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Assignments - "))
                .findFirst();
    }

    private CustomerHealth health() {
        return store.health().get(Long.toString(contoso.tpid())).orElseThrow();
    }

    /** True when {@code query} and every parent of it are visible. */
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

    private String text(String query) {
        return lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse(null);
    }
}

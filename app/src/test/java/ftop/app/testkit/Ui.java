package ftop.app.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lookups and the one way of waiting that every UI test uses. A test never sleeps to let the
 * screen catch up: it names what it waits for and polls for it, so a slow machine only makes it
 * slower, and a failure says what never came.
 */
public final class Ui {

    /** Long enough for a cold, busy JVM; a passing test never waits this long. */
    public static final Duration PATIENCE = Duration.ofSeconds(45);

    /** For the demo's embedded server to be created and run its first sync on a cold, busy JVM. */
    public static final Duration FIRST_SYNC = Duration.ofMinutes(2);

    private static final FxRobot ROBOT = new FxRobot();

    static {
        QuickInput.lookUpOnFxThread(ROBOT);
    }

    private Ui() {
    }

    /** Waits until {@code condition} holds, then for the FX events it set off. */
    public static void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, condition, PATIENCE);
    }

    /** As {@link #waitUntil(String, BooleanSupplier)}, for what legitimately takes longer (a server's first sync). */
    public static void waitUntil(String what, BooleanSupplier condition, Duration patience) {
        try {
            Awaitility.await(what).atMost(patience).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of the label, button or text field {@code query} finds; empty when there is none. */
    public static String label(String query) {
        return ROBOT.lookup(query).tryQuery().map(Ui::textOf).orElse("");
    }

    /** Waits until the label {@code query} finds reads {@code text}. */
    public static void waitForLabel(String query, String text) {
        waitUntil(query + " to read \"" + text + "\" (it reads \"" + label(query) + "\")", () -> text.equals(label(query)));
    }

    /** The id of the main window's selected tab. */
    public static String selectedTab() {
        return ROBOT.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
    }

    /** Scrolls the Customer tab so that the node {@code query} finds is in view. */
    public static void reveal(String query) {
        reveal(ROBOT.lookup(query).<Node>query());
    }

    /** Scrolls the Customer tab so that {@code node} is in view. */
    public static void reveal(Node node) {
        ROBOT.interact(() -> {
            ScrollPane scroll = ROBOT.lookup("#customerScroll").queryAs(ScrollPane.class);
            Node content = scroll.getContent();
            Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (b.getMinY() - 40) / room)));
            scroll.layout();
        });
    }

    private static String textOf(Node node) {
        if (node instanceof Labeled labeled) {
            return labeled.getText();
        }
        return node instanceof TextInputControl input ? input.getText() : "";
    }
}

package ftop.app.testkit;

import java.lang.reflect.Field;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotContext;
import org.testfx.robot.BaseRobot;
import org.testfx.robot.ClickRobot;
import org.testfx.robot.Motion;
import org.testfx.robot.MouseRobot;
import org.testfx.robot.WriteRobot;
import org.testfx.service.finder.WindowFinder;
import org.testfx.service.query.PointQuery;
import org.testfx.util.WaitForAsyncUtils;

/**
 * TestFX's robots, waiting for the FX thread once per typed text and once per mouse button rather
 * than after every character and every pointer move. TestFX waits at least 50 ms each time (five
 * round trips to the FX thread with a 10 ms sleep after each), so a typed word cost 50 ms a letter
 * and a click 150 ms: half of a UI test class's time. The events a robot sends reach the FX thread
 * in the order sent, so the characters of a text and the move before a press need no wait between
 * them; the wait after the last one is TestFX's own, and tests still wait with {@link Ui#waitUntil}
 * for what they expect.
 *
 * <p>Its robots also look nodes up on the FX thread ({@link FxThreadNodeFinder}), so that a query
 * never walks a parent whose children the app is changing.
 *
 * <p>Every test class of this module that extends {@link FxRobot} gets these robots (the extension
 * is registered through {@code META-INF/services} and {@code junit-platform.properties}).
 */
public final class QuickInput implements TestInstancePostProcessor {

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        if (testInstance instanceof FxRobot robot) {
            install(robot);
        }
    }

    /** Gives {@code robot} the writer and clicker below in place of TestFX's. */
    public static void install(FxRobot robot) {
        FxRobotContext context = robot.robotContext();
        replace(context, "writeRobot", new Writer(context.getBaseRobot(), context.getWindowFinder()));
        replace(context, "clickRobot", new Clicker(context.getClickRobot(), context.getMouseRobot()));
        lookUpOnFxThread(robot);
    }

    /** Makes {@code robot}'s lookups walk the scene graph on the FX thread ({@link FxThreadNodeFinder}). */
    static void lookUpOnFxThread(FxRobot robot) {
        FxRobotContext context = robot.robotContext();
        if (!(context.getNodeFinder() instanceof FxThreadNodeFinder)) {
            replace(context, "nodeFinder", new FxThreadNodeFinder(context.getNodeFinder()));
        }
    }

    private static void replace(FxRobotContext context, String field, Object robot) {
        try {
            Field f = FxRobotContext.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(context, robot);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TestFX's robot context has no " + field + " field any more", e);
        }
    }

    /** Types a text's characters into the focused window's scene one after another, then waits once. */
    private static final class Writer implements WriteRobot {

        private final BaseRobot baseRobot;
        private final WindowFinder windowFinder;

        Writer(BaseRobot baseRobot, WindowFinder windowFinder) {
            this.baseRobot = baseRobot;
            this.windowFinder = windowFinder;
        }

        @Override
        public void write(char character) {
            write(String.valueOf(character));
        }

        @Override
        public void write(String text) {
            Scene scene = targetWindow().getScene();
            text.chars().forEach(c -> baseRobot.typeKeyboard(scene, keyCode((char) c), Character.toString(c)));
            WaitForAsyncUtils.waitForFxEvents();
        }

        @Override
        public void write(String text, int sleepMillis) {
            write(text);
        }

        /** The window TestFX's writer types into: the focused one, else the target window, else the first. */
        private Window targetWindow() {
            Window window = windowFinder.window(Window::isFocused);
            if (window == null) {
                window = windowFinder.targetWindow();
            }
            return window != null ? window : windowFinder.window(0);
        }

        private static KeyCode keyCode(char character) {
            return switch (character) {
                case '\n' -> KeyCode.ENTER;
                case '\t' -> KeyCode.TAB;
                default -> KeyCode.UNDEFINED;
            };
        }
    }

    /** Moves straight to the point and clicks there; the press and release wait as TestFX's do. */
    private static final class Clicker implements ClickRobot {

        private final ClickRobot testFx;
        private final MouseRobot mouse;

        Clicker(ClickRobot testFx, MouseRobot mouse) {
            this.testFx = testFx;
            this.mouse = mouse;
        }

        @Override
        public void clickOn(MouseButton... buttons) {
            testFx.clickOn(buttons);
        }

        @Override
        public void clickOn(PointQuery pointQuery, Motion motion, MouseButton... buttons) {
            if (motion != Motion.DEFAULT && motion != Motion.DIRECT) {
                testFx.clickOn(pointQuery, motion, buttons);
                return;
            }
            mouse.moveNoWait(pointQuery.query());
            testFx.clickOn(buttons);
        }

        @Override
        public void doubleClickOn(MouseButton... buttons) {
            testFx.doubleClickOn(buttons);
        }

        @Override
        public void doubleClickOn(PointQuery pointQuery, Motion motion, MouseButton... buttons) {
            if (motion != Motion.DEFAULT && motion != Motion.DIRECT) {
                testFx.doubleClickOn(pointQuery, motion, buttons);
                return;
            }
            mouse.moveNoWait(pointQuery.query());
            testFx.doubleClickOn(buttons);
        }
    }
}

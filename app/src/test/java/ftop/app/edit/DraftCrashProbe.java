package ftop.app.edit;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ScrollPane;

import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppFixtures;
import ftop.app.AppOptions;
import ftop.app.FtopApplication;
import ftop.app.tasks.Scheduler;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.customer.Customer;
import ftop.core.health.OverallMindset;
import ftop.core.store.Draft;
import ftop.core.store.LocalStore;

/**
 * Run in a separate JVM by {@link DraftCrashTest} and killed there: starts the real app headless on
 * the workspace folder given as the first argument, opens Contoso's Customer Perspective with its
 * pencil, picks another Overall Mindset and types a Completion Date, then waits to be killed. It
 * prints {@code TYPED <mindset name> <date>} once the form holds the values, and
 * {@code DRAFT KEPT} once the draft holding them is on disk. With {@code --no-timer} drafts are
 * never written by their timer, so only the app's shutdown work can keep what was typed.
 */
public final class DraftCrashProbe extends FxRobot {

    static final String COMPLETION = "June 30, 2021";

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        boolean noTimer = args.length > 1 && "--no-timer".equals(args[1]);
        Scheduler scheduler = noTimer ? (delay, action) -> () -> { } : Scheduler.fx();
        FxToolkit.registerPrimaryStage();
        FtopApplication app = (FtopApplication) FxToolkit.setupApplication(() -> new FtopApplication(
                AppOptions.inDirectory(home),
                (profile, dir, today) -> StoreWorkspace.open(profile, dir, today, AppFixtures.clock()),
                AppFixtures.clock(), false, scheduler));
        new DraftCrashProbe().run(app);
        Thread.sleep(Long.MAX_VALUE);
    }

    private void run(FtopApplication app) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> app.shell() != null && app.shell().portfolio().loadedProperty().get());
        LocalStore store = ((StoreWorkspace) app.shell().workspace()).store();
        Customer contoso = store.customers().all().stream().filter(c -> c.name().equals("Contoso")).findFirst()
                .orElseThrow();
        OverallMindset was = store.health().get(Long.toString(contoso.tpid())).orElseThrow().perspective().mindset()
                .orElse(null);
        OverallMindset chosen = was == OverallMindset.COMPETE ? OverallMindset.AVERSE : OverallMindset.COMPETE;
        interact(() -> app.shell().drafts().lastWrittenProperty().addListener((obs, old, now) -> {
            if (holds(now, chosen)) {
                System.out.println("DRAFT KEPT");
                System.out.flush();
            }
        }));

        interact(() -> app.shell().openCustomer(contoso.tpid()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lookup("#customerPerspectiveEdit").tryQuery()
                .map(Node::isVisible).orElse(false));
        Node section = lookup("#customerPerspectiveSection").query();
        interact(() -> {
            ScrollPane scroll = lookup("#customerScroll").queryAs(ScrollPane.class);
            Node content = scroll.getContent();
            var b = content.sceneToLocal(section.localToScene(section.getBoundsInLocal()));
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (b.getMinY() - 40) / room)));
            scroll.layout();
        });
        clickOn("#customerPerspectiveEdit");
        clickOn("#overallMindsetField");
        clickOn(lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(chosen.label())).<Node>query());
        DatePicker completion = lookup("#completionDateField").queryAs(DatePicker.class);
        clickOn(completion.getEditor()).eraseText(completion.getEditor().getText().length()).write(COMPLETION);
        WaitForAsyncUtils.waitForFxEvents();
        System.out.println("TYPED " + chosen.name() + " " + COMPLETION);
        System.out.flush();
    }

    private static boolean holds(Draft draft, OverallMindset chosen) {
        return draft != null && "health.perspective".equals(draft.form())
                && chosen.name().equals(draft.values().get("overallMindset"))
                && COMPLETION.equals(draft.values().get("completionDate"));
    }
}

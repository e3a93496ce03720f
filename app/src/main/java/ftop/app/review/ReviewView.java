package ftop.app.review;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongConsumer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.transform.Scale;
import javafx.stage.Stage;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.widgets.Plurals;
import ftop.core.review.CustomerBrief;
import ftop.core.review.ReviewItem;

/**
 * The Review tab: the review queue on the left (tick customers to nominate them for the meeting), the
 * brief of the customer selected on the right (every section editable), and the meeting pack's
 * actions on top: export, print, review mode (F11).
 */
public final class ReviewView extends BorderPane {

    /** Opens review mode from anywhere in the window. */
    public static final KeyCombination REVIEW_MODE = new KeyCodeCombination(KeyCode.F11);

    private final ReviewViewModel model;
    private final ExportFileChooser files;
    private final ReviewQueuePane queue;
    private final BriefEditor brief;
    private final Button print = new Button("Print", new FontIcon(Material2MZ.PRINT));
    private final Button reviewMode = new Button("Review mode", new FontIcon(Material2MZ.SLIDESHOW));
    private Stage reviewStage;

    /**
     * @param model        the tab's state
     * @param files        asks where exports go
     * @param openCustomer opens a customer in the Customer tab
     */
    public ReviewView(ReviewViewModel model, ExportFileChooser files, LongConsumer openCustomer) {
        this.model = Objects.requireNonNull(model, "model");
        this.files = Objects.requireNonNull(files, "files");
        this.brief = new BriefEditor(model, Objects.requireNonNull(openCustomer, "openCustomer"));
        this.queue = new ReviewQueuePane(model, brief::focusOpening);
        setId("reviewView");
        getStyleClass().add("review-view");

        setTop(toolbar());
        SplitPane split = new SplitPane(queue, brief);
        split.setId("reviewSplit");
        split.setDividerPositions(0.46);
        setCenter(split);
        setBottom(messageBar());

        // F11 from anywhere in the window: the presenter is rarely on this tab when the meeting starts
        sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.getAccelerators().remove(REVIEW_MODE);
            }
            if (now != null) {
                now.getAccelerators().put(REVIEW_MODE, this::startReviewMode);
            }
        });
        model.findPrinter();
    }

    /** Reads the queue the first time the tab shows; later the shell's refresh keeps it current. */
    public void shown() {
        if (!model.loadedProperty().get() && !model.loadingProperty().get()) {
            model.refresh();
        }
    }

    // ---- the toolbar: the meeting and its pack ----

    private HBox toolbar() {
        Label heading = new Label("Review preparation");
        heading.getStyleClass().add(Styles.TITLE_3);

        TextField title = new TextField();
        title.setId("meetingTitle");
        title.setPromptText("Meeting title");
        title.setPrefColumnCount(22);
        title.textProperty().bindBidirectional(model.titleProperty());
        title.setTooltip(new Tooltip("The title printed on the meeting pack"));

        Label nominatedCount = new Label();
        nominatedCount.setId("nominatedCount");
        nominatedCount.getStyleClass().add("nominated-count");
        nominatedCount.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = model.nominated().size();
            return n == 0 ? "No customer nominated" : Plurals.count(n, "customer") + " nominated";
        }, model.nominated()));

        MenuButton export = new MenuButton("Export", new FontIcon(Material2MZ.SAVE_ALT));
        export.setId("exportMenu");
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem item = new MenuItem(format.label() + " (." + format.extension() + ")");
            item.setId("export" + format.name().charAt(0) + format.name().substring(1).toLowerCase(Locale.ROOT));
            item.setOnAction(e -> export(format));
            export.getItems().add(item);
        }
        export.setTooltip(new Tooltip("Export the meeting pack of the nominated customers"));

        print.setId("printButton");
        print.setOnAction(e -> print());
        print.disableProperty().bind(model.printerAvailableProperty().not()
                .or(model.briefProperty().isNull()));
        // a disabled button shows no tooltip, so the reason sits on a holder around it
        StackPane printHolder = new StackPane(print);
        printHolder.setId("printHolder");
        Tooltip printTip = new Tooltip();
        printTip.textProperty().bind(Bindings.createStringBinding(() -> !model.printerAvailableProperty().get()
                        ? "No printer is available: add one to this computer to print briefs; Export makes a PDF meanwhile"
                        : model.briefProperty().get() == null ? "Select a customer in the queue to print its brief"
                        : "Print the brief showing",
                model.printerAvailableProperty(), model.briefProperty()));
        Tooltip.install(printHolder, printTip);
        print.accessibleHelpProperty().bind(printTip.textProperty());

        reviewMode.setId("reviewModeButton");
        reviewMode.getStyleClass().add(Styles.ACCENT);
        reviewMode.setTooltip(new Tooltip("Step through the nominated customers full screen (F11)"));
        reviewMode.setOnAction(e -> startReviewMode());

        ProgressIndicator working = new ProgressIndicator();
        working.setId("reviewBusy");
        working.setPrefSize(18, 18);
        working.visibleProperty().bind(model.busyProperty().or(model.loadingProperty()));
        working.managedProperty().bind(working.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        export.disableProperty().bind(Bindings.isEmpty(model.nominated()).or(model.busyProperty()));
        reviewMode.disableProperty().bind(Bindings.isEmpty(model.nominated()).or(model.busyProperty()));

        HBox bar = new HBox(10, heading, title, spacer, working, nominatedCount, export, printHolder, reviewMode);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("review-toolbar");
        return bar;
    }

    // ---- the message bar ----

    private HBox messageBar() {
        Label message = new Label();
        message.setId("reviewMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        model.failedProperty().addListener((obs, old, now) -> {
            message.getStyleClass().remove(Styles.DANGER);
            if (now) {
                message.getStyleClass().add(Styles.DANGER);
            }
        });
        HBox bar = new HBox(message);
        bar.getStyleClass().add("review-message-bar");
        bar.visibleProperty().bind(model.messageProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    // ---- actions ----

    /** Asks where to, then exports the nominated customers' pack in {@code format} in the background. */
    public void export(ExportFormat format) {
        if (model.nominated().isEmpty()) {
            model.report("Nominate at least one customer for the meeting first.", true);
            return;
        }
        String name = model.titleProperty().get() == null || model.titleProperty().get().isBlank()
                ? "Customer Health Review" : model.titleProperty().get().strip();
        String suggested = name.replaceAll("[\\\\/:*?\"<>|]", "-") + " " + model.today() + "." + format.extension();
        files.choose(this, format, suggested).ifPresent((Path file) -> model.export(format.exporter(), file));
    }

    /** Prints the brief showing on the default printer, after the print dialog. */
    public void print() {
        CustomerBrief brief = model.briefProperty().get();
        if (brief == null) {
            return;
        }
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            model.report("No printer is available.", true);
            return;
        }
        if (!job.showPrintDialog(getScene() == null ? null : getScene().getWindow())) {
            job.cancelJob();
            return;
        }
        PageLayout page = job.getJobSettings().getPageLayout();
        Node printable = BriefPrint.of(brief, page.getPrintableWidth());
        // lay it out off screen so its height is known, then shrink it onto one page if it is taller
        new Scene(new Group(printable));
        printable.applyCss();
        if (printable instanceof Region region) {
            region.layout();
        }
        double height = printable.prefHeight(page.getPrintableWidth());
        if (height > page.getPrintableHeight()) {
            double scale = page.getPrintableHeight() / height;
            printable.getTransforms().add(new Scale(scale, scale));
        }
        if (job.printPage(page, printable) && job.endJob()) {
            model.report("Sent the brief of " + brief.customerName() + " to " + job.getPrinter().getName() + ".", false);
        } else {
            model.report("The brief of " + brief.customerName() + " could not be printed.", true);
        }
    }

    /** Opens review mode on the nominated customers. */
    public void startReviewMode() {
        if (reviewStage != null && reviewStage.isShowing()) {
            reviewStage.toFront();
            return;
        }
        if (model.nominated().isEmpty()) {
            model.report("Nominate the customers of the meeting first; review mode steps through them.", true);
            return;
        }
        model.pack().thenAccept(pack -> {
            reviewStage = ReviewMode.show(getScene() == null ? null : getScene().getWindow(), pack.title(),
                    pack.briefs());
            reviewStage.setOnHidden(e -> queue.table().requestFocus());
        });
    }

    /** The queue table; for keyboard focus. */
    public TableView<ReviewItem> table() {
        return queue.table();
    }

    /** The review mode window while it shows; for tests. */
    Stage reviewStage() {
        return reviewStage;
    }
}

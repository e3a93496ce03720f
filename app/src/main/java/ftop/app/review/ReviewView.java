package ftop.app.review;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Scale;
import javafx.stage.Stage;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.widgets.DateText;
import ftop.app.widgets.HealthChip;
import ftop.core.health.DueState;
import ftop.core.health.WorkloadGroup;
import ftop.core.review.BriefSection;
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
    private final LongConsumer openCustomer;
    private final TableView<ReviewItem> table = new TableView<>();
    private final FilteredList<ReviewItem> shown;
    private final TextField filter = new TextField();
    private final Map<BriefSection, TextArea> areas = new EnumMap<>(BriefSection.class);
    private final VBox briefHeader = new VBox();
    private final VBox missing = new VBox();
    private final StackPane briefPane = new StackPane();
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
        this.openCustomer = Objects.requireNonNull(openCustomer, "openCustomer");
        this.shown = new FilteredList<>(model.queue());
        setId("reviewView");
        getStyleClass().add("review-view");

        setTop(toolbar());
        SplitPane split = new SplitPane(queuePane(), briefPane());
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
            return n == 0 ? "No customer nominated" : n == 1 ? "1 customer nominated" : n + " customers nominated";
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
        print.setTooltip(new Tooltip("Print the brief showing"));
        print.disableProperty().bind(model.printerAvailableProperty().not()
                .or(model.briefProperty().isNull()));

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

        HBox bar = new HBox(10, heading, title, spacer, working, nominatedCount, export, print, reviewMode);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("review-toolbar");
        return bar;
    }

    // ---- the queue ----

    private VBox queuePane() {
        Label heading = new Label("Review queue");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label count = new Label();
        count.setId("queueCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.createStringBinding(() -> shown.size() == model.queue().size()
                ? plural(shown.size(), "customer") + " due"
                : shown.size() + " of " + model.queue().size() + " shown", shown, model.queue()));

        filter.setId("queueFilter");
        filter.setPromptText("Filter by name, TPID or reason");
        filter.textProperty().addListener((obs, old, now) -> {
            String key = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(key.isEmpty() ? null : item -> (item.customer().name() + " " + item.tpid() + " "
                    + item.reason()).toLowerCase(Locale.ROOT).contains(key));
        });
        HBox.setHgrow(filter, Priority.ALWAYS);

        Button all = new Button("Nominate all shown", new FontIcon(Material2AL.DONE_ALL));
        all.setId("nominateAll");
        all.setTooltip(new Tooltip("Nominate every customer the queue shows for the meeting"));
        all.setOnAction(e -> model.nominateAll(shown.stream().map(ReviewItem::tpid).toList()));
        all.disableProperty().bind(Bindings.isEmpty(shown));
        Button none = new Button("Clear");
        none.setId("clearNominations");
        none.setTooltip(new Tooltip("Take every customer off the meeting"));
        none.setOnAction(e -> model.clearNominations());
        none.disableProperty().bind(Bindings.isEmpty(model.nominated()));

        HBox top = new HBox(8, heading, count);
        top.setAlignment(Pos.BASELINE_LEFT);
        HBox tools = new HBox(8, filter, all, none);
        tools.setAlignment(Pos.CENTER_LEFT);

        table.setId("reviewQueue");
        table.setItems(shown);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll(Styles.STRIPED);
        table.getColumns().add(nominateColumn());
        table.getColumns().add(customerColumn());
        table.getColumns().add(healthColumn());
        table.getColumns().add(reviewColumn());
        table.getColumns().add(reasonColumn());
        Label empty = new Label("Loading the review queue\u2026");
        empty.getStyleClass().add("placeholder-text");
        empty.textProperty().bind(Bindings.when(model.loadingProperty()).then("Loading the review queue\u2026")
                .otherwise(Bindings.when(Bindings.isEmpty(model.queue()))
                        .then("No customer needs a review this week.").otherwise("No customer matches the filter.")));
        table.setPlaceholder(empty);
        table.setRowFactory(t -> {
            TableRow<ReviewItem> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && e.getClickCount() == 2) {
                    focusBrief();
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.open(now.tpid());
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            ReviewItem selected = table.getSelectionModel().getSelectedItem();
            if (selected == null) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER) {
                model.open(selected.tpid());
                focusBrief();
                e.consume();
            } else if (e.getCode() == KeyCode.SPACE) {
                model.nominate(selected.tpid(), !model.nominated().contains(selected.tpid()));
                e.consume();
            }
        });
        model.nominated().addListener((SetChangeListener<Long>) c -> table.refresh());
        VBox.setVgrow(table, Priority.ALWAYS);

        VBox pane = new VBox(8, top, tools, table);
        pane.getStyleClass().add("review-queue-pane");
        return pane;
    }

    private TableColumn<ReviewItem, ReviewItem> nominateColumn() {
        TableColumn<ReviewItem, ReviewItem> column = new TableColumn<>();
        CheckBox header = new CheckBox();
        header.setId("nominateHeader");
        header.setTooltip(new Tooltip("Nominate all shown, or none"));
        header.setOnAction(e -> {
            if (header.isSelected()) {
                model.nominateAll(shown.stream().map(ReviewItem::tpid).toList());
            } else {
                shown.forEach(item -> model.nominate(item.tpid(), false));
            }
        });
        model.nominated().addListener((SetChangeListener<Long>) c -> header.setSelected(!shown.isEmpty()
                && shown.stream().allMatch(item -> model.nominated().contains(item.tpid()))));
        column.setGraphic(header);
        column.setSortable(false);
        column.setReorderable(false);
        column.setMinWidth(44);
        column.setMaxWidth(44);
        column.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final CheckBox box = new CheckBox();

            {
                box.setOnAction(e -> {
                    ReviewItem item = getItem();
                    if (item != null) {
                        model.nominate(item.tpid(), box.isSelected());
                    }
                });
                setAlignment(Pos.CENTER);
            }

            @Override
            protected void updateItem(ReviewItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    box.setId("nominate-" + item.tpid());
                    box.setSelected(model.nominated().contains(item.tpid()));
                    setGraphic(box);
                }
            }
        });
        return column;
    }

    private static TableColumn<ReviewItem, ReviewItem> customerColumn() {
        TableColumn<ReviewItem, ReviewItem> column = new TableColumn<>("Customer");
        column.setPrefWidth(200);
        column.setMinWidth(170);
        column.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue()));
        column.setComparator(java.util.Comparator.comparing(i -> i.customer().name(), String.CASE_INSENSITIVE_ORDER));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ReviewItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Label name = new Label(item.customer().name());
                name.getStyleClass().add("queue-customer");
                // a long name takes a second line; beyond that the tooltip has it
                name.setWrapText(true);
                name.setTooltip(new Tooltip(item.customer().name()));
                Label tpid = new Label("TPID " + item.tpid());
                tpid.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                VBox both = new VBox(name, tpid);
                both.setAlignment(Pos.CENTER_LEFT);
                setGraphic(both);
            }
        });
        return column;
    }

    private static TableColumn<ReviewItem, ReviewItem> healthColumn() {
        TableColumn<ReviewItem, ReviewItem> column = new TableColumn<>("Health");
        column.setPrefWidth(96);
        column.setMinWidth(90);
        column.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue()));
        column.setSortable(false);
        column.setCellFactory(c -> new TableCell<>() {
            private final HealthChip chip = new HealthChip();

            @Override
            protected void updateItem(ReviewItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    chip.setColour(item.overall());
                    setGraphic(chip);
                }
            }
        });
        return column;
    }

    private static TableColumn<ReviewItem, ReviewItem> reviewColumn() {
        TableColumn<ReviewItem, ReviewItem> column = new TableColumn<>("Review");
        // room for "15 days late" and "No review date" in bold, not "15 days l…"
        column.setPrefWidth(132);
        column.setMinWidth(126);
        column.setSortable(false);
        column.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ReviewItem item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("overdue");
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText(due(item.review()));
                if (item.reviewOverdue()) {
                    getStyleClass().add("overdue");
                }
            }
        });
        return column;
    }

    /** e.g. "12 days late", "Due in 3 days", "Due today", "No review date". */
    static String due(DueState state) {
        if (state.dueOn().isEmpty()) {
            return "No review date";
        }
        long late = state.daysOverdue().orElse(0);
        if (late > 0) {
            return plural(late, "day") + " late";
        }
        long left = state.daysRemaining().orElse(0);
        return left == 0 ? "Due today" : "Due in " + plural(left, "day");
    }

    private static TableColumn<ReviewItem, String> reasonColumn() {
        TableColumn<ReviewItem, String> column = new TableColumn<>("Why");
        column.setPrefWidth(260);
        column.setSortable(false);
        column.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().reason()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Label text = new Label();
            private final Tooltip all = new Tooltip();

            {
                text.setWrapText(true);
                text.getStyleClass().add("queue-reason");
                all.setWrapText(true);
                all.setMaxWidth(420);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setTooltip(null);
                } else {
                    text.setText(item);
                    text.maxWidthProperty().bind(widthProperty().subtract(12));
                    text.maxHeightProperty().bind(heightProperty().subtract(6));
                    // rows are three lines high; the tooltip has the whole reason when it is longer
                    all.setText(item);
                    setTooltip(all);
                    setGraphic(text);
                }
            }
        });
        return column;
    }

    // ---- the brief ----

    private Node briefPane() {
        Label hint = new Label("Select a customer in the queue to see and edit its brief.");
        hint.setId("briefPlaceholder");
        hint.getStyleClass().add("placeholder-text");
        hint.setWrapText(true);

        briefHeader.getStyleClass().add("brief-header");
        missing.setId("missingData");
        missing.getStyleClass().add("brief-missing");
        VBox sections = new VBox(14);
        for (BriefSection section : BriefSection.values()) {
            Label heading = new Label(section.label());
            heading.getStyleClass().add("brief-heading");
            TextArea area = new TextArea();
            area.setId("brief" + camel(section.name()));
            area.setWrapText(true);
            area.getStyleClass().add("brief-text");
            area.textProperty().addListener((obs, old, now) -> model.edit(section, now));
            heading.setLabelFor(area);
            areas.put(section, area);
            sections.getChildren().add(new VBox(4, heading, area));
        }
        VBox editor = new VBox(14, briefHeader, missing, sections);
        editor.setId("briefEditor");
        editor.getStyleClass().add("brief-editor");
        ScrollPane scroll = new ScrollPane(editor);
        scroll.setFitToWidth(true);
        // tabbing from section to section keeps the one being edited in sight
        for (TextArea area : areas.values()) {
            area.focusedProperty().addListener((obs, was, now) -> {
                if (now) {
                    reveal(scroll, editor, area);
                }
            });
        }
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);

        briefPane.getChildren().addAll(hint, scroll);
        StackPane.setAlignment(hint, Pos.CENTER);
        scroll.visibleProperty().bind(model.briefProperty().isNotNull());
        hint.visibleProperty().bind(model.briefProperty().isNull());
        model.briefProperty().addListener((obs, old, now) -> showBrief(old, now));
        return briefPane;
    }

    private static void reveal(ScrollPane scroll, Region content, Node node) {
        double contentHeight = content.getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        javafx.geometry.Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = scroll.getVvalue() * (contentHeight - viewport);
        double target = top;
        if (bounds.getMinY() < top) {
            target = bounds.getMinY() - 24;
        } else if (bounds.getMaxY() > top + viewport) {
            target = bounds.getMaxY() - viewport + 24;
        }
        scroll.setVvalue(Math.max(0, Math.min(1, target / (contentHeight - viewport))));
    }

    private void showBrief(CustomerBrief old, CustomerBrief brief) {
        if (brief == null) {
            return;
        }
        boolean other = old == null || old.tpid() != brief.tpid();
        if (other) {
            briefHeader.getChildren().setAll(header(brief));
        }
        for (BriefSection section : BriefSection.values()) {
            TextArea area = areas.get(section);
            String text = brief.text(section);
            // an echo of what the person is typing leaves the area alone (the model strips the text)
            if (!area.getText().strip().equals(text)) {
                area.setText(text);
                area.setPrefRowCount(Math.max(2, Math.min(12, rows(text))));
            }
        }
        showMissing(brief);
    }

    private Node header(CustomerBrief brief) {
        Label name = new Label(brief.customerName());
        name.setId("briefCustomerName");
        name.getStyleClass().add(Styles.TITLE_2);
        name.setWrapText(true);
        Label facts = new Label("TPID " + brief.tpid() + " \u00b7 "
                + brief.status().map(s -> "Customer Status: " + s.label()).orElse("Customer Status not set") + " \u00b7 "
                + brief.nextReview().map(d -> "next review " + DateText.of(d)).orElse("no review date"));
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        facts.setWrapText(true);

        FlowPane chips = new FlowPane(12, 6);
        chips.getChildren().add(chip("Overall", brief.overall().orElse(null)));
        for (WorkloadGroup group : WorkloadGroup.values()) {
            chips.getChildren().add(chip(group.label(), brief.group(group).orElse(null)));
        }

        Button regenerate = new Button("Start again from the data", new FontIcon(Material2MZ.REFRESH));
        regenerate.setId("regenerateBrief");
        regenerate.getStyleClass().add(Styles.FLAT);
        regenerate.setTooltip(new Tooltip("Throw away the edits of this brief and write it again from the data"));
        regenerate.setOnAction(e -> model.regenerate());
        Button customer = new Button("Open customer", new FontIcon(Material2MZ.OPEN_IN_NEW));
        customer.setId("openBriefCustomer");
        customer.getStyleClass().add(Styles.FLAT);
        customer.setOnAction(e -> openCustomer.accept(brief.tpid()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(4, name, spacer, customer, regenerate);
        top.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, top, facts, chips);
    }

    private static HBox chip(String caption, ftop.core.health.HealthColour colour) {
        Label label = new Label(caption);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        HBox box = new HBox(6, label, new HealthChip(colour));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void showMissing(CustomerBrief brief) {
        missing.getChildren().clear();
        if (brief.missing().isEmpty()) {
            missing.setVisible(false);
            missing.setManaged(false);
            return;
        }
        Label title = new Label("Missing from the data \u2014 fill in before the meeting:",
                new FontIcon(Material2AL.ERROR_OUTLINE));
        title.getStyleClass().add("brief-missing-title");
        Label list = new Label(String.join(" \u00b7 ", brief.missing()));
        list.setId("missingList");
        list.setWrapText(true);
        missing.getChildren().addAll(title, list);
        missing.setVisible(true);
        missing.setManaged(true);
    }

    private void focusBrief() {
        Platform.runLater(() -> areas.get(BriefSection.OPENING).requestFocus());
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
        new Scene(new javafx.scene.Group(printable));
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
            reviewStage.setOnHidden(e -> table.requestFocus());
        });
    }

    /** The queue table; for keyboard focus. */
    public TableView<ReviewItem> table() {
        return table;
    }

    private static int rows(String text) {
        int lines = 1;
        for (String line : text.split("\\R")) {
            lines += 1 + line.length() / 90;
        }
        return lines;
    }

    private static String camel(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** The review mode window while it shows; for tests. */
    Stage reviewStage() {
        return reviewStage;
    }
}

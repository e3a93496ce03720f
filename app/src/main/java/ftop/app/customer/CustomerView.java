package ftop.app.customer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import javafx.animation.FadeTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.edit.DraftForm;
import ftop.app.edit.OpenForm;
import ftop.app.widgets.DateText;
import ftop.app.widgets.DialogService;
import ftop.app.widgets.HealthChip;
import ftop.core.change.EntityKind;
import ftop.core.store.Draft;
import ftop.core.tenant.Tenant;

/**
 * The Customer tab: pick a customer, see its name in the header as confirmation, and a dashboard
 * of cards about it (two columns on a wide window): the health form, Enterprise Status, contacts,
 * workload health, forecast, tenants and assignments. Every card is contextual to the customer
 * picked; leaving a customer or the tab with an unsaved edit asks first.
 */
public final class CustomerView extends BorderPane {

    /** Window width from which the cards sit in two columns. */
    private static final double TWO_COLUMNS_FROM = 1150;
    /** How long the notice after an edit takes to fade once its time is up. */
    private static final Duration BAR_FADES = Duration.millis(300);
    static final KeyCombination UNDO = new KeyCodeCombination(
            KeyCode.Z, KeyCombination.SHORTCUT_DOWN);

    private final CustomerViewModel model;
    private final DialogService dialogs;
    private final CustomerPicker picker;
    private final Label name = new Label();
    private final Label facts = new Label();
    private final HealthChip overall = new HealthChip();
    private final Label reviewText = new Label();
    private final Label readOnlyNote = new Label();
    private final HealthForm health;
    private final StatusWidget status;
    private final ContactsWidget contacts;
    private final WorkloadWidget workloads;
    private final ForecastWidget forecast;
    private final TenantsWidget tenants;
    private final AssignmentsWidget assignments;
    private final SectionLiveMarks liveMarks;
    private final VBox left = new VBox(16);
    private final VBox right = new VBox(16);
    private final HBox columns = new HBox(16);
    private final VBox single = new VBox(16);
    private final VBox content;
    private final ScrollPane scroll;
    private final Label placeholder = new Label("Pick a customer to see its health.");
    /** Shown while another customer is read: the cards of the one before would be the wrong ones. */
    private final Label opening = new Label();
    private Boolean twoColumns;
    /** The details the cards show, to tell a re-read of the customer from another customer. */
    private CustomerDetails shownDetails;
    /** When the notice after an edit shows; held here, as its inputs hold it only weakly. */
    private BooleanExpression barWanted;
    private Runnable onShowTab = () -> { };
    /** A draft waiting for its customer to show, and who wants to know how its restore went. */
    private record PendingRestore(Draft draft, OpenForm form, Consumer<Optional<String>> done) {
    }

    private PendingRestore pendingRestore;

    public CustomerView(CustomerViewModel model) {
        this(model, DialogService.alerts());
    }

    public CustomerView(CustomerViewModel model, DialogService dialogs) {
        this.model = Objects.requireNonNull(model, "model");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        setId("customerView");
        getStyleClass().add("customer-view");

        picker = new CustomerPicker(model.choices(), choice -> {
            if (!model.open(choice.tpid())) {
                picker().show(model.selectedProperty().get());
            }
        });
        picker.setId("customerPicker");
        picker.setPrefWidth(380);
        Label pickerLabel = new Label("Customer");
        pickerLabel.setLabelFor(picker);
        HBox pickerRow = new HBox(10, pickerLabel, picker);
        pickerRow.setAlignment(Pos.CENTER_LEFT);
        pickerRow.setPadding(new Insets(12, 16, 4, 16));

        name.setId("customerName");
        name.getStyleClass().add("customer-name");
        facts.setId("customerFacts");
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        overall.setId("customerOverallHealth");
        reviewText.setId("customerReview");
        readOnlyNote.setId("customerReadOnly");
        readOnlyNote.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        readOnlyNote.setGraphic(new FontIcon(Material2MZ.VISIBILITY));
        readOnlyNote.setWrapText(true);
        readOnlyNote.managedProperty().bind(readOnlyNote.visibleProperty());
        HBox healthLine = new HBox(12, new Label("Overall health"), overall, reviewText);
        healthLine.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(4, name, facts, healthLine, readOnlyNote);
        header.getStyleClass().add("customer-header");

        health = new HealthForm(model, this::reveal);
        status = new StatusWidget(model);
        contacts = new ContactsWidget(model, dialogs, this::reveal);
        workloads = new WorkloadWidget(model.trend());
        forecast = new ForecastWidget(model, this::reveal);
        tenants = new TenantsWidget();
        assignments = new AssignmentsWidget();
        liveMarks = new SectionLiveMarks(model.liveMarks(), () -> shownDetails == null ? -1 : shownDetails.customer().tpid());
        liveMarks.add(health.progressSection, SectionLiveMarks.healthFields("progress."));
        liveMarks.add(health.perspectiveSection, SectionLiveMarks.healthFields("perspective."));
        liveMarks.add(status, SectionLiveMarks.of(EntityKind.STATUS_NOTE));
        liveMarks.add(contacts, SectionLiveMarks.of(EntityKind.CONTACT));
        liveMarks.add(workloads, SectionLiveMarks.of(EntityKind.USAGE));
        liveMarks.add(forecast, SectionLiveMarks.of(EntityKind.FORECAST));
        liveMarks.add(tenants, SectionLiveMarks.of(EntityKind.TENANT));
        liveMarks.add(assignments, SectionLiveMarks.of(EntityKind.ASSIGNMENT));

        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(560);
        right.setPrefWidth(560);
        left.setMinWidth(0);
        right.setMinWidth(0);
        columns.setFillHeight(false);
        content = new VBox(16, header);
        content.setPadding(new Insets(0, 16, 16, 16));
        content.getStyleClass().add("customer-dashboard");
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("customerScroll");
        scroll.widthProperty().addListener((obs, old, now) -> arrange(now.doubleValue()));
        arrange(1400);

        placeholder.setId("customerPlaceholder");
        placeholder.getStyleClass().add("placeholder-text");
        placeholder.textProperty().bind(Bindings.when(model.errorProperty().isEmpty())
                .then("Pick a customer to see its health.").otherwise(model.errorProperty()));

        opening.setId("customerOpening");
        opening.getStyleClass().add("placeholder-text");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(28, 28);
        opening.setGraphic(spinner);
        opening.setGraphicTextGap(12);
        opening.textProperty().bind(Bindings.concat("Opening ", model.openingProperty(), "…"));
        model.openingProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                setCenter(opening);
            } else if (getCenter() == opening) {
                setCenter(model.detailsProperty().get() == null ? placeholder : scroll);
            }
        });

        setTop(pickerRow);
        setCenter(placeholder);
        setBottom(undoBar());
        model.setLeaveGuard(this::confirmLeave);
        model.detailsProperty().addListener((obs, old, now) -> show(now));
        model.selectedProperty().addListener((obs, old, now) -> picker.show(now));
        model.errorProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty() && model.detailsProperty().get() == null) {
                setCenter(placeholder);
            }
            if (!now.isEmpty() && pendingRestore != null) {
                PendingRestore failed = pendingRestore;
                pendingRestore = null;
                failed.done().accept(Optional.of(now));
            }
        });
        // the window builds this view when its tab first shows, maybe after a customer opened
        picker.show(model.selectedProperty().get());
        if (!model.openingProperty().get().isEmpty()) {
            setCenter(opening);
        } else if (model.detailsProperty().get() != null) {
            show(model.detailsProperty().get());
        }
    }

    /**
     * The tab's editors as open forms: the two health sections, the contact editor and the
     * forecast grid. The shell registers them so that quitting asks about them and what is typed
     * into them is kept as drafts.
     */
    public List<OpenForm> forms() {
        return List.of(health.progressForm, health.perspectiveForm, contacts, forecast);
    }

    /** What brings the Customer tab to the front, e.g. before a form in it is revealed. */
    public void setOnShowTab(Runnable action) {
        onShowTab = Objects.requireNonNull(action, "action");
    }

    /** Shows the tab and scrolls {@code node} (a card of the tab) into view. */
    void reveal(Node node) {
        onShowTab.run();
        Platform.runLater(() -> {
            if (getCenter() != scroll) {
                return;
            }
            applyCss();
            layout();
            Bounds at = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            if (room > 0) {
                double top = scroll.getVvalue() * room;
                if (at.getMinY() < top || at.getMaxY() > top + scroll.getViewportBounds().getHeight()) {
                    scroll.setVvalue(Math.max(0, Math.min(1, (at.getMinY() - 12) / room)));
                }
            }
        });
    }

    /**
     * Opens the draft's customer (asking first about unsaved edits of the one shown) and, once it
     * shows, its form in edit mode with the draft's values. {@code done} hears empty once the form
     * holds the draft, else why not (the person kept the customer shown, the customer is gone...).
     */
    public void restoreDraft(Draft draft, Consumer<Optional<String>> done) {
        Optional<OpenForm> form = DraftForm.of(draft).flatMap(f -> switch (f) {
            case HEALTH_PROGRESS -> Optional.<OpenForm>of(health.progressForm);
            case HEALTH_PERSPECTIVE -> Optional.<OpenForm>of(health.perspectiveForm);
            case CONTACT -> Optional.<OpenForm>of(contacts);
            case FORECAST -> Optional.<OpenForm>of(forecast);
            case STATUS_NOTE, ASSIGNMENTS -> Optional.<OpenForm>empty();
        });
        if (form.isEmpty()) {
            done.accept(Optional.of("The Customer tab has no form for this draft."));
            return;
        }
        onShowTab.run();
        CustomerDetails shown = model.detailsProperty().get();
        if (shown != null && shown.customer().tpid() == draft.tpid() && !model.loadingProperty().get()) {
            applyRestore(new PendingRestore(draft, form.get(), done));
            return;
        }
        if (pendingRestore != null) {
            pendingRestore.done().accept(Optional.of("Another draft was restored instead."));
        }
        pendingRestore = new PendingRestore(draft, form.get(), done);
        if (!model.open(draft.tpid())) {
            PendingRestore kept = pendingRestore;
            pendingRestore = null;
            kept.done().accept(Optional.of("You kept editing the customer shown; the draft is still there to restore."));
        }
    }

    private void applyRestore(PendingRestore restore) {
        Optional<String> problem = restore.form().restore(restore.draft());
        if (problem.isEmpty()) {
            restore.form().reveal();
        }
        restore.done().accept(problem);
    }

    /**
     * The notice under the cards after an edit: what was saved, with Undo (also Ctrl+Z outside a
     * text field). It follows the view model's undo stack, so it also offers a status note saved
     * on the winner tenant, and says so when an undo could not be written.
     */
    private HBox undoBar() {
        Label notice = new Label();
        notice.setId("undoNotice");
        notice.setGraphic(new FontIcon(Material2AL.CHECK_CIRCLE_OUTLINE));
        notice.getStyleClass().add("undo-notice");
        Label problem = new Label();
        problem.setId("undoProblem");
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.setWrapText(true);
        problem.textProperty().bind(model.undoProblemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Button undo = new Button("Undo", new FontIcon(Material2MZ.UNDO));
        undo.setId("undoButton");
        undo.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.ACCENT);
        undo.setTooltip(new Tooltip("Undo this edit (Ctrl+Z); the undo is saved and synced like any edit"));
        undo.setOnAction(e -> model.undoLatest());
        undo.visibleProperty().bind(model.undoableProperty().isNotNull());
        undo.managedProperty().bind(undo.visibleProperty());
        notice.textProperty().bind(Bindings.createStringBinding(() -> {
            var edit = model.undoableProperty().get();
            return edit == null ? "" : edit.what() + ".";
        }, model.undoableProperty()));
        notice.visibleProperty().bind(model.undoableProperty().isNotNull());
        notice.managedProperty().bind(notice.visibleProperty());
        HBox bar = new HBox(10, notice, undo, problem);
        bar.setId("undoBar");
        bar.getStyleClass().add("undo-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        barWanted = model.undoableProperty().isNotNull().or(problem.textProperty().isNotEmpty())
                .and(model.notice().showingProperty()).and(centerProperty().isEqualTo(scroll));
        showBarWhen(bar, barWanted);
        // it stays while the person is at it (the pointer over it, the focus on Undo) and while the
        // tab is not in front: a note saved on the Tenant tab is news when the person comes back
        Runnable hold = () -> model.notice().hold(bar.isHover() || undo.isFocused() || !inFront());
        bar.hoverProperty().addListener((obs, old, now) -> hold.run());
        undo.focusedProperty().addListener((obs, old, now) -> hold.run());
        ChangeListener<Boolean> frontChanged = (obs, old, now) -> hold.run();
        parentProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.visibleProperty().removeListener(frontChanged);
            }
            if (now != null) {
                now.visibleProperty().addListener(frontChanged);
            }
            hold.run();
        });
        sceneProperty().addListener((obs, old, now) -> hold.run());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (UNDO.match(e) && !(getScene() != null
                    && getScene().getFocusOwner() instanceof TextInputControl)
                    && model.undoableProperty().get() != null && !hasUnsavedChanges()) {
                model.undoLatest();
                e.consume();
            }
        });
        return bar;
    }

    /**
     * Shows {@code bar} while {@code wanted}, fading it out when it goes. The bar takes room below
     * the cards rather than lying over them; as it comes the cards move up by its height, so what
     * was at the bottom of the view (the Save the person just pressed) stays in view.
     */
    private void showBarWhen(HBox bar, BooleanExpression wanted) {
        bar.setVisible(false);
        bar.managedProperty().bind(bar.visibleProperty());
        FadeTransition fade = new FadeTransition(BAR_FADES, bar);
        fade.setToValue(0);
        fade.setOnFinished(e -> bar.setVisible(false));
        wanted.addListener((obs, old, now) -> {
            fade.stop();
            if (now) {
                bar.setOpacity(1);
                if (!bar.isVisible()) {
                    keepBottomInView(bar);
                    bar.setVisible(true);
                }
            } else if (bar.isVisible()) {
                fade.setFromValue(bar.getOpacity());
                fade.playFromStart();
            }
        });
    }

    /** True when the tab is the one shown: a tab pane hides the content of the others. */
    private boolean inFront() {
        return getScene() != null && (getParent() == null || getParent().isVisible());
    }

    /** Scrolls the cards up by the height {@code bar} is about to take from the view. */
    private void keepBottomInView(HBox bar) {
        double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        if (room <= 0 || getCenter() != scroll) {
            return;
        }
        double top = scroll.getVvalue() * room;
        double height = bar.prefHeight(getWidth());
        double newRoom = room + height;
        scroll.setVvalue(Math.min(1, (top + height) / newRoom));
    }

    /** Puts the cards in two columns on a wide window, one below the other on a narrow one. */
    private void arrange(double width) {
        boolean two = width >= TWO_COLUMNS_FROM;
        if (twoColumns != null && twoColumns == two) {
            return;
        }
        twoColumns = two;
        // the health form and its notes on the left, the figures and people on the right
        List<Node> leftCards = List.of(health.progressSection, health.perspectiveSection, status);
        List<Node> rightCards = List.of(workloads, forecast, contacts, tenants, assignments);
        left.getChildren().clear();
        right.getChildren().clear();
        single.getChildren().clear();
        columns.getChildren().clear();
        content.getChildren().retainAll(content.getChildren().get(0));
        if (two) {
            left.getChildren().setAll(leftCards);
            right.getChildren().setAll(rightCards);
            columns.getChildren().setAll(left, right);
            content.getChildren().add(columns);
        } else {
            single.getChildren().addAll(leftCards);
            single.getChildren().addAll(rightCards);
            content.getChildren().add(single);
        }
    }

    private void show(CustomerDetails details) {
        if (details == null) {
            setCenter(placeholder);
            return;
        }
        var c = details.customer();
        name.setText(c.name());
        facts.setText("TPID " + c.tpid() + "  ·  " + c.segment().label() + "  ·  " + c.region().label()
                + "  ·  " + c.vertical().label() + tenantsText(details.tenants()));
        overall.setColour(details.assessment().overall());
        String due = DateText.of(details.review().dueOn(), "no review date set");
        reviewText.getStyleClass().remove("overdue");
        if (details.review().overdue()) {
            reviewText.getStyleClass().add("overdue");
            reviewText.setGraphic(new FontIcon(Material2MZ.WARNING));
            reviewText.setText("Review overdue (" + due + ")");
        } else {
            reviewText.setGraphic(null);
            reviewText.setText("Next review " + due);
        }
        readOnlyNote.setVisible(details.editHealth().denied());
        readOnlyNote.setText("Read only: " + details.editHealth().reason());
        CustomerDetails before = shownDetails;
        shownDetails = details;
        boolean another = before == null || before.customer().tpid() != c.tpid();
        health.show(details);
        status.show(details);
        contacts.show(details);
        workloads.show(details);
        forecast.show(details);
        tenants.show(details.tenants());
        assignments.show(details);
        liveMarks.refresh();
        setCenter(scroll);
        if (another) {
            // another customer starts at its top, not where the one before was scrolled to
            scroll.setVvalue(0);
        }
        if (pendingRestore != null && pendingRestore.draft().tpid() == c.tpid()) {
            PendingRestore restore = pendingRestore;
            pendingRestore = null;
            applyRestore(restore);
        }
    }

    /**
     * Asks whether to drop unsaved edits before the customer or the tab changes.
     *
     * @return true when there is nothing unsaved or the person chose to discard it
     */
    public boolean confirmLeave() {
        if (!hasUnsavedChanges()) {
            discardEdits();
            return true;
        }
        CustomerDetails shown = model.detailsProperty().get();
        String who = shown == null ? "this customer" : shown.customer().name();
        boolean discard = dialogs.confirm(this, "Discard your unsaved changes?",
                "You have changes to " + who + " that are not saved. Leave and lose them?", "Discard changes");
        if (discard) {
            discardEdits();
        }
        return discard;
    }

    /** True when any card is being edited with changes not yet saved. */
    public boolean hasUnsavedChanges() {
        return health.hasUnsavedChanges() || contacts.hasUnsavedChanges()
                || forecast.hasUnsavedChanges();
    }

    private void discardEdits() {
        health.discard();
        contacts.discard();
        forecast.discard();
    }

    private static String tenantsText(List<Tenant> tenants) {
        return tenants.size() == 1 ? "  ·  1 tenant" : "  ·  " + tenants.size() + " tenants";
    }

    /**
     * What the Assignments card's button does with the customer's TPID: open the assignment
     * dialog. Until it is set the button is disabled.
     */
    public void setOnOpenAssignments(LongConsumer action) {
        assignments.setOnOpen(action);
    }

    /** What double-clicking a tenant (or its Open button) does; by default it shows its details in the card. */
    public void setOnOpenTenant(Consumer<Tenant> action) {
        tenants.setOnOpen(action);
    }

    /**
     * What "Add new status" does with the customer's winner tenant: open the winner tenant's tab
     * with the focus in its new-status editor. Until it is set the button is disabled.
     */
    public void setOnAddStatus(Consumer<Tenant> action) {
        status.setOnAddStatus(action);
    }

    /** The picker, for the shell to focus. */
    public CustomerPicker picker() {
        return picker;
    }
}

package ftop.app.tenant;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.edit.DraftForm;
import ftop.app.edit.DraftKey;
import ftop.app.edit.DraftNotice;
import ftop.app.edit.OpenForm;
import ftop.app.widgets.DateText;
import ftop.app.widgets.DialogService;
import ftop.core.store.Draft;
import ftop.core.status.EnterpriseStatusGate;
import ftop.core.tenant.Tenant;

/**
 * The Tenant tab: one tenant's details and flags (winner trophy, COVID-19 RFA, Is Enterprise), who
 * is assigned to it, and, on the winner tenant, the new-status editor above the customer's
 * Enterprise Status notes, newest first. Leaving the tenant or closing the tab with a status typed
 * but not saved asks first.
 */
public final class TenantView extends BorderPane {

    /** The style class of the note the model asks to reveal, e.g. one a search found. */
    public static final String MARKED_NOTE = "search-target";

    private final TenantViewModel model;
    private final DialogService dialogs;
    private final VBox content = new VBox(14);
    private final StatusEditor editor = new StatusEditor();
    private final Label statusGated = new Label();
    private final FlagsSection flags;
    private final VBox editorCard = card("New Enterprise Status", Material2AL.ADD_COMMENT);
    private final ScrollPane scroll;
    private TenantDetails shown;
    private Runnable onShowTab = () -> { };
    private final StatusForm statusForm = new StatusForm();
    /** A draft waiting for its tenant to show, and who wants to know how its restore went. */
    private Draft pendingDraft;
    private Consumer<Optional<String>> pendingDone;
    /** The reveal request last brought into sight: a redraw marks its note again but does not scroll back to it. */
    private TenantViewModel.NoteToReveal scrolledTo;

    public TenantView(TenantViewModel model) {
        this(model, DialogService.alerts());
    }

    public TenantView(TenantViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        setId("tenantView");
        getStyleClass().add("tenant-view");
        content.getStyleClass().add("tenant-content");

        Label empty = new Label();
        empty.setId("tenantPlaceholder");
        empty.getStyleClass().add("placeholder-text");
        empty.textProperty().bind(Bindings.when(model.errorProperty().isEmpty())
                .then("Open a tenant from the Portfolio's Tenants section (double-click or Enter).")
                .otherwise(model.errorProperty()));
        StackPane placeholder = new StackPane(empty);

        editor.setSaver((typed, done) -> model.saveNote(typed.executiveSummary(), typed.risks(), typed.awareness(), done));
        editorCard.setId("tenantStatusEditorCard");
        flags = new FlagsSection(model);
        statusGated.setId("statusDisabledReason");
        statusGated.setGraphic(new FontIcon(Material2AL.INFO));
        statusGated.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        statusGated.setWrapText(true);
        statusGated.visibleProperty().bind(statusGated.textProperty().isNotEmpty());
        statusGated.managedProperty().bind(statusGated.visibleProperty());
        editorCard.getChildren().addAll(statusGated, editor, savedNotice());
        model.setLeaveGuard(this::confirmLeave);
        model.editorRequestProperty().addListener((obs, old, now) -> focusEditor());

        model.errorProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty() && pendingDraft != null) {
                finishRestore(Optional.of(now));
            }
        });

        scroll = new ScrollPane(content);
        scroll.setId("tenantScroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        model.detailsProperty().addListener((obs, old, now) -> show(now));
        // an invalidation listener: asking again for the same note brings it into sight again
        model.noteToRevealProperty().addListener(obs -> markNote());
        centerProperty().bind(Bindings.when(model.detailsProperty().isNull()).then((Node) placeholder)
                .otherwise(scroll));
        show(model.detailsProperty().get());
    }

    private void show(TenantDetails d) {
        content.getChildren().clear();
        if (d == null) {
            return;
        }
        if (shown == null || !shown.tenant().tenantId().equals(d.tenant().tenantId())) {
            // another tenant: what was typed for the last one was saved or dropped by the leave guard
            editor.clear();
        }
        shown = d;
        Tenant t = d.tenant();
        flags.show(d);
        content.getChildren().addAll(header(d), flags.node());
        if (t.winner()) {
            if (d.addStatus().allowed()) {
                editor.setTenant(t.name());
                Optional<String> gated = EnterpriseStatusGate.disabledReason(t);
                // the Enterprise Status fields follow the Is Enterprise flag, as the seed describes
                editor.setDisable(gated.isPresent());
                statusGated.setText(gated.orElse(""));
                content.getChildren().add(editorCard);
            } else {
                Label cannot = new Label("You cannot add a status here: " + d.addStatus().reason(),
                        new FontIcon(Material2MZ.VISIBILITY));
                cannot.setId("statusReadOnly");
                cannot.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                cannot.setWrapText(true);
                content.getChildren().add(cannot);
            }
        }
        content.getChildren().addAll(TenantFacts.usage(d), notes(d), assignments(d), TenantFacts.contacts(d));
        markNote();
        statusForm.shown();
        if (pendingDraft != null && pendingDraft.subject().equals(t.tenantId().toString())) {
            if (!content.getChildren().contains(editorCard)) {
                finishRestore(Optional.of(t.winner() ? "You cannot add a status here: " + d.addStatus().reason()
                        : t.name() + " is no longer the winner tenant, which keeps the Enterprise Status."));
            } else {
                finishRestore(statusForm.restore(pendingDraft));
            }
        }
    }

    /**
     * Marks the note the model asks to reveal and, the first time for each request, scrolls to it
     * once the tab has laid it out.
     */
    private void markNote() {
        TenantViewModel.NoteToReveal wanted = model.noteToRevealProperty().get();
        boolean here = wanted != null && shown != null && shown.tenant().tenantId().equals(wanted.tenantId());
        Node target = null;
        for (Node note : content.lookupAll(".status-note")) {
            note.getStyleClass().remove(MARKED_NOTE);
            if (here && wanted.writtenAt().equals(note.getUserData())) {
                target = note;
            }
        }
        if (target == null) {
            return;
        }
        target.getStyleClass().add(MARKED_NOTE);
        if (wanted != scrolledTo) {
            scrollWhenLaidOut(target, wanted);
        }
    }

    /**
     * Scrolls {@code target} into sight after the first layout pass that has sized the scroll pane:
     * a Tenant tab opened together with the request lays its content out a pulse or more later.
     * Forgets it when the note is drawn anew before that (the redraw marks the new one).
     */
    private void scrollWhenLaidOut(Node target, TenantViewModel.NoteToReveal request) {
        Scene scene = getScene();
        if (scene == null) {
            sceneProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Scene> obs, Scene old, Scene now) {
                    if (now != null) {
                        obs.removeListener(this);
                        scrollWhenLaidOut(target, request);
                    }
                }
            });
            return;
        }
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                if (target.getScene() != scene || model.noteToRevealProperty().get() != request) {
                    scene.removePostLayoutPulseListener(this);
                } else if (scroll.getViewportBounds().getHeight() > 0) {
                    scene.removePostLayoutPulseListener(this);
                    scrolledTo = request;
                    scrollTo(target);
                }
            }
        });
        Platform.requestNextPulse();
    }

    private void scrollTo(Node target) {
        Bounds note = content.sceneToLocal(target.localToScene(target.getBoundsInLocal()));
        double scrollable = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        if (scrollable > 0) {
            scroll.setVvalue(Math.max(0, Math.min(1, (note.getMinY() - 8) / scrollable)));
        }
    }

    /** What brings the tenant's tab to the front, e.g. before its status editor is revealed. */
    public void setOnShowTab(Runnable action) {
        onShowTab = Objects.requireNonNull(action, "action");
    }

    /** The new-status editor as an open form: the quit guard asks it, and what is typed is kept as a draft. */
    public OpenForm statusForm() {
        return statusForm;
    }

    /**
     * Opens the draft's winner tenant (asking first about a status typed on another tenant) and,
     * once it shows, puts the draft's texts in its new-status editor. {@code done} hears empty once
     * the editor holds the draft, else why not.
     */
    public void restoreDraft(Draft draft, Consumer<Optional<String>> done) {
        UUID tenantId;
        try {
            tenantId = UUID.fromString(draft.subject());
        } catch (IllegalArgumentException e) {
            done.accept(Optional.of("The draft names no tenant."));
            return;
        }
        if (pendingDraft != null) {
            finishRestore(Optional.of("Another draft was restored instead."));
        }
        pendingDraft = draft;
        pendingDone = done;
        if (!model.openForNewStatus(tenantId)) {
            finishRestore(Optional.of("You kept writing the status shown; the draft is still there to restore."));
            return;
        }
        // the tenant is read again (even the one shown); the draft goes in once it shows
        onShowTab.run();
    }

    private void finishRestore(Optional<String> problem) {
        Consumer<Optional<String>> done = pendingDone;
        pendingDraft = null;
        pendingDone = null;
        if (problem.isEmpty()) {
            focusEditor();
        }
        if (done != null) {
            done.accept(problem);
        }
    }

    /** The new-status editor of the winner tenant shown, as the shell sees it. */
    private final class StatusForm implements OpenForm {

        @Override
        public String owner() {
            return shown == null ? "This tenant"
                    : shown.customer().map(c -> c.name()).orElse(shown.tenant().name());
        }

        @Override
        public String title() {
            return DraftForm.STATUS_NOTE.label();
        }

        private final List<Runnable> listeners = new ArrayList<>();

        @Override
        public boolean hasUnsavedChanges() {
            return editor.hasUnsavedChanges();
        }

        @Override
        public boolean isOpen() {
            return draftKey().isPresent();
        }

        /** Another tenant shows (or the same one again): whether the editor is open may have changed. */
        private void shown() {
            listeners.forEach(Runnable::run);
        }

        @Override
        public void save(Consumer<Boolean> done) {
            editor.save(done);
        }

        @Override
        public void discard() {
            editor.clear();
        }

        @Override
        public void reveal() {
            onShowTab.run();
            Platform.runLater(() -> {
                focusEditor();
                Platform.runLater(editor::focusProblemOrFirst);
            });
        }

        @Override
        public void addChangeListener(Runnable listener) {
            listeners.add(listener);
            editor.addChangeListener(listener);
        }

        @Override
        public Optional<DraftKey> draftKey() {
            if (shown == null || !shown.tenant().winner() || shown.addStatus().denied()
                    || !EnterpriseStatusGate.enabled(shown.tenant())) {
                return Optional.empty();
            }
            return Optional.of(new DraftKey(DraftForm.STATUS_NOTE, shown.tenant().tenantId().toString(),
                    shown.tenant().tpid()));
        }

        @Override
        public Map<String, String> draftValues() {
            return editor.texts();
        }

        @Override
        public Optional<String> restore(Draft draft) {
            if (draftKey().filter(key -> key.matches(draft)).isEmpty()) {
                return Optional.of("The draft's tenant is not shown, or you cannot add a status there.");
            }
            editor.restore(draft.values(), DraftNotice.restored(draft, false, "status", model.now()));
            return Optional.empty();
        }
    }

    /** After a save: "Enterprise Status added on ..." with Undo, which removes the note again. */
    private HBox savedNotice() {
        Label saved = new Label();
        saved.setId("statusSavedNotice");
        saved.setGraphic(new FontIcon(Material2AL.CHECK_CIRCLE_OUTLINE));
        saved.getStyleClass().add("undo-notice");
        saved.textProperty().bind(Bindings.createStringBinding(() -> model.lastSavedProperty().get() == null ? ""
                : model.lastSavedProperty().get().what() + ".", model.lastSavedProperty()));
        Button undo = new Button("Undo", new FontIcon(Material2MZ.UNDO));
        undo.setId("statusUndo");
        undo.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.ACCENT);
        undo.setOnAction(e -> model.undoLastSaved());
        Label problem = new Label();
        problem.setId("statusUndoProblem");
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.setWrapText(true);
        problem.textProperty().bind(model.undoProblemProperty());
        HBox bar = new HBox(8, saved, undo, problem);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("undo-bar");
        bar.visibleProperty().bind(model.lastSavedProperty().isNotNull().or(problem.textProperty().isNotEmpty()));
        bar.managedProperty().bind(bar.visibleProperty());
        undo.visibleProperty().bind(model.lastSavedProperty().isNotNull());
        undo.managedProperty().bind(undo.visibleProperty());
        return bar;
    }

    /** Scrolls to the new-status editor and puts the focus in its first field. */
    private void focusEditor() {
        if (!content.getChildren().contains(editorCard)) {
            return;
        }
        // once the tab is on screen and laid out: a node not yet shown cannot take the focus
        Platform.runLater(() -> {
            applyCss();
            layout();
            double room = content.getHeight() - scroll.getViewportBounds().getHeight();
            var card = editorCard.getBoundsInParent();
            double top = room <= 0 ? 0 : scroll.getVvalue() * room;
            // scrolled only as far as needed: the tenant's name and flags stay in view when they fit
            if (room > 0 && (card.getMaxY() > top + scroll.getViewportBounds().getHeight() || card.getMinY() < top)) {
                scroll.setVvalue(Math.min(1, Math.max(0, (card.getMinY() - 8) / room)));
            }
            editor.focusFirst();
        });
    }

    /**
     * Asks whether to drop a status typed but not saved, before another tenant shows or the tab
     * closes.
     *
     * @return true when nothing is unsaved or the person chose to discard it
     */
    public boolean confirmLeave() {
        if (!editor.hasUnsavedChanges()) {
            return true;
        }
        String where = shown == null ? "this tenant" : shown.tenant().name();
        boolean discard = dialogs.confirm(this, "Discard the new status?",
                "The Enterprise Status you are writing on " + where + " is not saved. Leave and lose it?",
                "Discard status");
        if (discard) {
            editor.clear();
        }
        return discard;
    }

    /** True when a status is typed and not saved. */
    public boolean hasUnsavedChanges() {
        return editor.hasUnsavedChanges();
    }

    private VBox header(TenantDetails d) {
        Tenant t = d.tenant();
        Label name = new Label(t.name());
        name.setId("tenantName");
        name.getStyleClass().add("customer-name");
        Hyperlink customer = new Hyperlink(d.customer().map(c -> c.name() + " (TPID " + c.tpid() + ")")
                .orElse("TPID " + t.tpid()));
        customer.setId("tenantCustomerLink");
        customer.setTooltip(new Tooltip("Open the customer this tenant belongs to"));
        customer.setOnAction(e -> model.openCustomer());
        customer.setDisable(d.customer().isEmpty());
        customer.setMinWidth(Region.USE_PREF_SIZE);
        Label of = new Label("Tenant of");
        of.getStyleClass().add(Styles.TEXT_MUTED);
        HBox belongs = new HBox(4, of, customer);
        belongs.setAlignment(Pos.BASELINE_LEFT);
        Label facts = new Label("Tenant ID " + t.tenantId() + "  ·  "
                + String.format(Locale.US, "%,d users", t.userCount()) + "  ·  Is Enterprise: "
                + FlagsSection.label(t.enterpriseLevel()) + "  ·  Origin: " + t.origin().label());
        facts.setWrapText(true);
        facts.setId("tenantFacts");
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        Button open = new Button("Open customer", new FontIcon(Material2MZ.OPEN_IN_NEW));
        open.setId("openTenantCustomer");
        open.getStyleClass().add(Styles.SMALL);
        open.setOnAction(e -> model.openCustomer());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, name, spacer, open);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(4, top, belongs, facts);
        header.getStyleClass().add("customer-header");
        return header;
    }

    private VBox assignments(TenantDetails d) {
        VBox card = card("Assigned to this tenant");
        card.setId("tenantAssignments");
        if (d.assignments().isEmpty()) {
            Label none = new Label("Nobody is assigned to this tenant; it follows the standard routing rules.");
            none.getStyleClass().addAll("field-value", "not-set");
            card.getChildren().add(none);
        }
        for (TenantDetails.AssignedPerson p : d.assignments()) {
            Label who = new Label(p.name() + (p.primary() ? " (primary)" : ""));
            who.getStyleClass().add("field-value");
            Label what = new Label(p.role() + " · " + p.area());
            what.getStyleClass().add("field-label");
            HBox line = new HBox(10, who, what);
            line.getStyleClass().add("tenant-assignment");
            card.getChildren().add(line);
        }
        return card;
    }

    private VBox notes(TenantDetails d) {
        VBox card = card(d.tenant().winner() ? "Enterprise Status history" : "Enterprise Status");
        card.setId("tenantNotes");
        if (!d.tenant().winner()) {
            Label elsewhere = new Label(d.winnerTenant()
                    .map(w -> "Enterprise Status notes are kept on the winner tenant, " + w + ".")
                    .orElse("This customer has no winner tenant yet, so it has no Enterprise Status notes."));
            elsewhere.setId("notesElsewhere");
            elsewhere.getStyleClass().addAll("field-value", "not-set");
            elsewhere.setWrapText(true);
            card.getChildren().add(elsewhere);
            return card;
        }
        if (d.notes().isEmpty()) {
            Label none = new Label("No Enterprise Status notes yet.");
            none.getStyleClass().addAll("field-value", "not-set");
            card.getChildren().add(none);
        }
        for (TenantDetails.Note n : d.notes()) {
            Label when = new Label(DateText.dateTime(n.createdAt(), ZoneId.systemDefault()) + " · " + n.author());
            when.getStyleClass().add("field-label");
            VBox note = new VBox(4, when);
            note.getStyleClass().add("status-note");
            // a search that found this note finds it here by its time
            note.setUserData(n.createdAt());
            addPart(note, "Executive Summary", n.executiveSummary());
            addPart(note, "Risks", n.risks());
            addPart(note, "Awareness", n.awareness());
            card.getChildren().add(note);
        }
        return card;
    }

    private static void addPart(VBox note, String title, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        Label heading = new Label(title);
        heading.getStyleClass().add("note-heading");
        Label body = new Label(text);
        body.setWrapText(true);
        note.getChildren().addAll(heading, body);
    }

    private static VBox card(String title) {
        return card(title, null);
    }

    private static VBox card(String title, org.kordamp.ikonli.Ikon icon) {
        Label heading = new Label(title, icon == null ? null : new FontIcon(icon));
        heading.getStyleClass().add("section-title");
        VBox card = new VBox(8, heading);
        card.getStyleClass().add("section-card");
        return card;
    }
}

package ftop.app.customer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.edit.DraftForm;
import ftop.app.edit.DraftKey;
import ftop.app.edit.DraftNotice;
import ftop.app.edit.OpenForm;
import ftop.app.widgets.DateInput;
import ftop.app.widgets.PencilSection;
import ftop.core.change.EntityKind;
import ftop.core.contact.Contact;
import ftop.core.contact.ContactKind;
import ftop.core.customer.Region;
import ftop.core.customer.Vertical;
import ftop.core.health.BusinessReason;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerPerspective;
import ftop.core.health.CustomerProgress;
import ftop.core.health.CustomerStatus;
import ftop.core.health.CxpWatchlist;
import ftop.core.health.HealthColour;
import ftop.core.health.OverallMindset;
import ftop.core.store.Draft;
import ftop.core.validation.Problem;

/**
 * The Customer Health widget: the Customer Progress and Customer Perspective sections, each
 * read-only until its pencil is clicked. Save checks the section with core validation, shows each
 * problem at its field and writes the health record through the store; Cancel restores the values
 * from before the edit. Each section is an {@link OpenForm} of its own: the quit guard asks it, and
 * what is typed into it is kept as a draft.
 */
final class HealthForm {

    private final CustomerViewModel model;
    final PencilSection progressSection;
    final PencilSection perspectiveSection;
    private CustomerDetails details;
    /**
     * The health as this form last wrote it, until the customer is read again: a section saved
     * right after the other builds on it, never on the row from before that save.
     */
    private CustomerHealth written;
    private final Consumer<Node> reveal;
    /** The sections as the quit guard and the drafts see them. */
    final SectionForm progressForm;
    final SectionForm perspectiveForm;

    private final ComboBox<Choice<CustomerStatus>> status = Choice.box(Choice.of(CustomerStatus.class));
    private final DatePicker expectedDue = DateInput.picker();
    private final ComboBox<Choice<HealthColour>> expectedHealth = Choice.box(Choice.of(HealthColour.class));
    private final DatePicker nextReview = DateInput.picker();
    private final DatePicker previousReview = DateInput.picker();
    private final ComboBox<Choice<CxpWatchlist>> cxp = Choice.box(Choice.of(CxpWatchlist.class));
    private final ComboBox<Choice<Region>> region = Choice.box(Choice.of(Region.class));
    private final ComboBox<Choice<Vertical>> vertical = Choice.box(Choice.of(Vertical.class));

    private final ComboBox<Choice<OverallMindset>> mindset = Choice.box(Choice.of(OverallMindset.class));
    private final DatePicker completion = DateInput.picker();
    private final ComboBox<Choice<BusinessReason>> reason = Choice.box(Choice.of(BusinessReason.class));
    private final ComboBox<Choice<UUID>> owner = Choice.box(List.of(Choice.none()));

    private final SectionMarks progressMarks;
    private final SectionMarks perspectiveMarks;

    /** Rows by the field name validation uses ("progress.nextReviewDate"). */
    private final Map<String, FieldRow> progressRows = new LinkedHashMap<>();
    private final Map<String, FieldRow> perspectiveRows = new LinkedHashMap<>();

    /** @param reveal brings a node of the form into view: the Customer tab, scrolled to it */
    HealthForm(CustomerViewModel model, Consumer<Node> reveal) {
        this.model = model;
        this.reveal = reveal;
        GridPane progressGrid = grid("progressFields");
        GridPane perspectiveGrid = grid("perspectiveFields");
        progressSection = new PencilSection("customerProgress", "Customer Progress", Material2AL.ASSIGNMENT, progressGrid);
        perspectiveSection = new PencilSection("customerPerspective", "Customer Perspective", Material2MZ.VISIBILITY,
                perspectiveGrid);

        var pe = progressSection.editingProperty();
        progressRows.put("progress.status", new FieldRow("customerStatus", "Customer Status", status, pe));
        progressRows.put("progress.expectedProgressDue", new FieldRow("expectedProgressDue", "Expected Progress Due", expectedDue, pe));
        progressRows.put("progress.expectedHealth", new FieldRow("expectedHealth", "Expected Health", expectedHealth, pe));
        progressRows.put("progress.nextReviewDate", new FieldRow("nextReviewDate", "Next Review Date", nextReview, pe));
        progressRows.put("progress.previousReviewDate", new FieldRow("previousReviewDate", "Previous Review Date", previousReview, pe));
        progressRows.put("progress.cxpWatchlist", new FieldRow("cxpWatchlist", "CXP Watchlist", cxp, pe));
        progressRows.put("progress.region", new FieldRow("healthRegion", "Region", region, pe));
        progressRows.put("progress.vertical", new FieldRow("healthVertical", "Vertical", vertical, pe));
        var ve = perspectiveSection.editingProperty();
        perspectiveRows.put("perspective.mindset", new FieldRow("overallMindset", "Overall Mindset", mindset, ve));
        perspectiveRows.put("perspective.completionDate", new FieldRow("completionDate", "Completion Date", completion, ve));
        perspectiveRows.put("perspective.businessReason", new FieldRow("businessReason", "Business Reason", reason, ve));
        perspectiveRows.put("perspective.successOwner", new FieldRow("successOwner", "Success Owner", owner, ve));
        int r = 0;
        for (FieldRow row : progressRows.values()) {
            row.addTo(progressGrid, r++);
        }
        r = 0;
        for (FieldRow row : perspectiveRows.values()) {
            row.addTo(perspectiveGrid, r++);
        }
        owner.setPromptText("Pick a customer contact");

        progressForm = new SectionForm(DraftForm.HEALTH_PROGRESS, progressSection, progressRows,
                () -> !readProgress(new ArrayList<>()).equals(details.health().progress()), this::saveProgress);
        perspectiveForm = new SectionForm(DraftForm.HEALTH_PERSPECTIVE, perspectiveSection, perspectiveRows,
                () -> !readPerspective(new ArrayList<>()).equals(details.health().perspective()), this::savePerspective);
        progressMarks = new SectionMarks(progressSection, progressRows, EntityKind.HEALTH, model);
        perspectiveMarks = new SectionMarks(perspectiveSection, perspectiveRows, EntityKind.HEALTH, model);
        progressSection.setOnEdit(() -> {
            clear(progressRows);
            loadProgress();
            progressForm.began();
            progressMarks.began(details.health());
        });
        perspectiveSection.setOnEdit(() -> {
            clear(perspectiveRows);
            loadPerspective();
            perspectiveForm.began();
            perspectiveMarks.began(details.health());
        });
        model.healthMarksProperty().addListener((obs, old, now) -> mark());
        progressSection.setOnCancel(() -> clear(progressRows));
        perspectiveSection.setOnCancel(() -> clear(perspectiveRows));
        progressSection.setOnSave(() -> saveProgress(saved -> { }));
        perspectiveSection.setOnSave(() -> savePerspective(saved -> { }));
    }

    /**
     * One section as an open form: dirty while it is edited with values that differ from the saved
     * ones; its draft holds each field as text (a date as typed), by the field's id.
     */
    final class SectionForm implements OpenForm {

        private final DraftForm form;
        private final PencilSection section;
        private final Map<String, FieldRow> rows;
        private final BooleanSupplier differs;
        private final Consumer<Consumer<Boolean>> saver;
        private final List<Runnable> listeners = new ArrayList<>();
        /** The fields as loaded when the edit began: the saved row then. */
        private Map<String, String> base = Map.of();

        private SectionForm(DraftForm form, PencilSection section, Map<String, FieldRow> rows,
                BooleanSupplier differs, Consumer<Consumer<Boolean>> saver) {
            this.form = form;
            this.section = section;
            this.rows = rows;
            this.differs = differs;
            this.saver = saver;
            for (FieldRow row : rows.values()) {
                if (row.editor instanceof DatePicker picker) {
                    picker.getEditor().textProperty().addListener((obs, old, now) -> changed());
                } else if (row.editor instanceof ComboBox<?> box) {
                    box.valueProperty().addListener((obs, old, now) -> changed());
                }
            }
            section.editingProperty().addListener((obs, old, now) -> changed());
        }

        private void began() {
            base = texts();
        }

        void changed() {
            listeners.forEach(Runnable::run);
        }

        private Map<String, String> texts() {
            Map<String, String> texts = new LinkedHashMap<>();
            rows.values().forEach(row -> texts.put(row.id, row.draftText()));
            return texts;
        }

        @Override
        public String owner() {
            return details == null ? "This customer" : details.customer().name();
        }

        @Override
        public String title() {
            return form.label();
        }

        @Override
        public boolean hasUnsavedChanges() {
            return details != null && HealthForm.changed(section, differs);
        }

        @Override
        public boolean isOpen() {
            return details != null && section.isEditing();
        }

        @Override
        public void save(Consumer<Boolean> done) {
            saver.accept(done);
        }

        @Override
        public void discard() {
            section.cancelEditing();
        }

        @Override
        public void reveal() {
            reveal.accept(section);
            rows.values().stream().filter(FieldRow::hasError).findFirst()
                    .or(() -> rows.values().stream().findFirst())
                    .ifPresent(row -> Platform.runLater(row.editor::requestFocus));
        }

        @Override
        public void addChangeListener(Runnable listener) {
            listeners.add(listener);
        }

        @Override
        public Optional<DraftKey> draftKey() {
            return details == null ? Optional.empty() : Optional.of(DraftKey.ofCustomer(form, details.customer().tpid()));
        }

        @Override
        public Map<String, String> draftValues() {
            return texts();
        }

        @Override
        public Map<String, String> draftBase() {
            return base;
        }

        @Override
        public Optional<String> restore(Draft draft) {
            if (details == null || details.customer().tpid() != draft.tpid()) {
                return Optional.of("The customer of the draft is not shown.");
            }
            if (details.editHealth().denied()) {
                return Optional.of(details.editHealth().reason());
            }
            section.startEditing();
            boolean changedSince = draft.baseDiffersFrom(base);
            // what the person changed, on top of the row as it is now
            Map<String, String> changes = draft.changes();
            rows.values().forEach(row -> {
                String text = changes.get(row.id);
                if (text != null) {
                    row.showDraftText(text);
                }
            });
            section.setNotice(DraftNotice.restored(draft, changedSince, form.label(), model.edits().now()));
            changed();
            return Optional.empty();
        }
    }

    /**
     * Shows {@code fresh}; a section being edited keeps what the person typed, and a field someone
     * else changed meanwhile says so.
     */
    void show(CustomerDetails fresh) {
        boolean sameCustomer = details != null && details.customer().tpid() == fresh.customer().tpid();
        if (!sameCustomer) {
            progressSection.cancelEditing();
            perspectiveSection.cancelEditing();
        }
        details = fresh;
        // the row read now includes what this form wrote
        written = null;
        showValues(progressRows, fresh.progress());
        showValues(perspectiveRows, fresh.perspective());
        boolean editable = fresh.editHealth().allowed();
        progressSection.setEditable(editable);
        perspectiveSection.setEditable(editable);
        mark();
    }

    /** Marks the fields the server did not take, and those changed by others while a section is open. */
    private void mark() {
        if (details == null) {
            return;
        }
        progressMarks.show(details.health(), model.healthMarksProperty().get());
        perspectiveMarks.show(details.health(), model.healthMarksProperty().get());
    }

    private static void showValues(Map<String, FieldRow> rows, List<FormField> fields) {
        for (FieldRow row : rows.values()) {
            fields.stream().filter(f -> f.id().equals(row.id)).findFirst()
                    .ifPresent(f -> row.showValue(f.value().orElse("")));
        }
    }

    /** True when a section is open with values that differ from the saved ones. */
    boolean hasUnsavedChanges() {
        return progressForm.hasUnsavedChanges() || perspectiveForm.hasUnsavedChanges();
    }

    private static boolean changed(PencilSection section, BooleanSupplier differs) {
        if (!section.isEditing()) {
            return false;
        }
        try {
            return differs.getAsBoolean();
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Leaves both sections, dropping what was typed. */
    void discard() {
        progressSection.cancelEditing();
        perspectiveSection.cancelEditing();
    }

    private void loadProgress() {
        CustomerProgress p = details.health().progress();
        Choice.select(status, p.status());
        DateInput.show(expectedDue, p.expectedProgressDue());
        Choice.select(expectedHealth, p.expectedHealth());
        DateInput.show(nextReview, p.nextReviewDate());
        DateInput.show(previousReview, p.previousReviewDate());
        Choice.select(cxp, p.cxpWatchlist());
        Choice.select(region, p.region());
        Choice.select(vertical, p.vertical());
    }

    private void loadPerspective() {
        CustomerPerspective p = details.health().perspective();
        Choice.select(mindset, p.mindset());
        DateInput.show(completion, p.completionDate());
        Choice.select(reason, p.businessReason());
        // the Success Owner is one of the customer's own contacts (the Contacts widget feeds this list)
        List<Choice<UUID>> owners = new ArrayList<>();
        owners.add(Choice.none());
        for (Contact c : details.contacts()) {
            if (c.kind() == ContactKind.CUSTOMER || p.successOwner().filter(c.id()::equals).isPresent()) {
                owners.add(new Choice<>(c.id(), CustomerDetails.contactLabel(c)));
            }
        }
        p.successOwner().filter(id -> owners.stream().noneMatch(o -> id.equals(o.value())))
                .ifPresent(id -> owners.add(new Choice<>(id, "Unknown contact")));
        owner.getItems().setAll(owners);
        Choice.select(owner, p.successOwner());
    }

    /** The Progress section as typed; bad dates are added to {@code problems} (and read as unchanged). */
    private CustomerProgress readProgress(List<Problem> problems) {
        CustomerProgress was = details.health().progress();
        return new CustomerProgress(Choice.picked(status),
                date(expectedDue, "progress.expectedProgressDue", was.expectedProgressDue(), problems),
                Choice.picked(expectedHealth),
                date(nextReview, "progress.nextReviewDate", was.nextReviewDate(), problems),
                date(previousReview, "progress.previousReviewDate", was.previousReviewDate(), problems),
                Choice.picked(cxp), Choice.picked(region), Choice.picked(vertical));
    }

    private CustomerPerspective readPerspective(List<Problem> problems) {
        CustomerPerspective was = details.health().perspective();
        return new CustomerPerspective(Choice.picked(mindset),
                date(completion, "perspective.completionDate", was.completionDate(), problems),
                Choice.picked(reason), Choice.picked(owner));
    }

    private static Optional<LocalDate> date(DatePicker picker, String field, Optional<LocalDate> was,
            List<Problem> problems) {
        try {
            return DateInput.read(picker);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(field, e.getMessage()));
            // a marker value: the save is blocked anyway, and it never equals the saved one
            return was.isPresent() ? Optional.empty() : Optional.of(LocalDate.MIN);
        }
    }

    /** The health row to build an edit on: as last written by this form, else as last read. */
    private CustomerHealth current() {
        return written != null ? written : details.health();
    }

    private void saveProgress(Consumer<Boolean> done) {
        List<Problem> problems = new ArrayList<>();
        CustomerProgress progress = readProgress(problems);
        CustomerProgress before = details.health().progress();
        save("Customer Progress saved", progressSection, progressRows, problems,
                () -> current().withProgress(progress), () -> details.health().withProgress(before), done);
    }

    private void savePerspective(Consumer<Boolean> done) {
        List<Problem> problems = new ArrayList<>();
        CustomerPerspective perspective = readPerspective(problems);
        CustomerPerspective before = details.health().perspective();
        save("Customer Perspective saved", perspectiveSection, perspectiveRows, problems,
                () -> current().withPerspective(perspective), () -> details.health().withPerspective(before), done);
    }

    private void save(String what, PencilSection section, Map<String, FieldRow> rows, List<Problem> typing,
            Supplier<CustomerHealth> edited, Supplier<CustomerHealth> undone,
            Consumer<Boolean> done) {
        clear(rows);
        if (!typing.isEmpty()) {
            show(section, rows, typing);
            done.accept(false);
            return;
        }
        section.setBusy(true);
        CustomerHealth health = edited.get();
        long tpid = details.customer().tpid();
        // the other section as stored now: saving this one never undoes an edit of that one, and
        // undo puts back this section as it was, on top of whatever the other section holds then
        model.save(what, new CustomerEdits.Change(List.of(health), List.of()),
                () -> new CustomerEdits.Change(List.of(undone.get()), List.of()), () -> {
                    section.setBusy(false);
                    if (details != null && details.customer().tpid() == tpid) {
                        written = health;
                    }
                    section.finishEditing();
                    done.accept(true);
                }, problems -> {
                    section.setBusy(false);
                    show(section, rows, problems);
                    done.accept(false);
                });
    }

    private static void show(PencilSection section, Map<String, FieldRow> rows, List<Problem> problems) {
        List<String> elsewhere = new ArrayList<>();
        for (Problem p : problems) {
            FieldRow row = rows.get(p.field());
            if (row != null) {
                row.setError(row.hasError() ? row.error.getText() + " " + p.message() : p.message());
            } else {
                elsewhere.add(p.message());
            }
        }
        section.setMessage(elsewhere.isEmpty() ? "Fix the fields marked in red, then Save again."
                : String.join(" ", elsewhere));
    }

    private static void clear(Map<String, FieldRow> rows) {
        rows.values().forEach(r -> r.setError(""));
    }

    private static GridPane grid(String id) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.setHgap(16);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(180);
        grid.getColumnConstraints().addAll(labels, values);
        return grid;
    }
}

package ftop.app.customer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.edit.DraftForm;
import ftop.app.edit.DraftKey;
import ftop.app.edit.DraftNotice;
import ftop.app.edit.OpenForm;
import ftop.app.widgets.DateText;
import ftop.app.widgets.PencilSection;
import ftop.core.health.Workload;
import ftop.core.store.Draft;
import ftop.core.store.RowRef;
import ftop.core.usage.Forecast;
import ftop.core.usage.Quarter;
import ftop.core.usage.WorkloadUsage;

/**
 * The Forecast card: projected active usage per workload for this quarter and the next three,
 * with the current actuals beside them; editable as a grid behind the pencil. Save writes every
 * changed cell in one edit (a cleared cell removes its forecast); a cell that is not a whole
 * number is marked and nothing is written. Enter in a cell saves too; Esc cancels. The grid is an {@link OpenForm}: the quit guard asks it,
 * and what is typed is kept as a draft, cell by cell ({@code EXCHANGE@2021 Q2}).
 */
final class ForecastWidget extends PencilSection implements OpenForm {

    static final int QUARTERS = 4;
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final CustomerViewModel model;
    private final GridPane grid = new GridPane();
    private final Map<String, Label> values = new HashMap<>();
    private final Map<String, TextField> inputs = new HashMap<>();
    private CustomerDetails details;
    private List<Quarter> quarters = List.of();
    private final Consumer<Node> reveal;
    private final List<Runnable> listeners = new ArrayList<>();
    /** The cells when the edit began: the saved forecasts then. */
    private Map<String, String> base = Map.of();

    /** @param reveal brings a node of the card into view: the Customer tab, scrolled to it */
    ForecastWidget(CustomerViewModel model, Consumer<Node> reveal) {
        this(model, reveal, new StackPane());
    }

    private ForecastWidget(CustomerViewModel model, Consumer<Node> reveal, StackPane body) {
        super("forecast", "Forecast", Material2MZ.TRENDING_UP, body);
        this.model = model;
        this.reveal = reveal;
        getChildren().set(getChildren().indexOf(body), grid);
        grid.setId("forecastGrid");
        grid.getStyleClass().add("forecast-grid");
        grid.setHgap(10);
        grid.setVgap(6);
        setOnEdit(() -> {
            load();
            base = texts();
        });
        setOnCancel(this::clearErrors);
        setOnSave(() -> saveForecasts(saved -> { }));
        editingProperty().addListener((obs, old, now) -> changed());
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    @Override
    public String owner() {
        return details == null ? "This customer" : details.customer().name();
    }

    @Override
    public String title() {
        return "Forecast";
    }

    @Override
    public boolean isOpen() {
        return details != null && isEditing();
    }

    @Override
    public void save(Consumer<Boolean> done) {
        saveForecasts(done);
    }

    @Override
    public void reveal() {
        reveal.accept(this);
        inputs.values().stream().filter(i -> i.getPseudoClassStates().contains(INVALID)).findFirst()
                .or(() -> Optional.ofNullable(inputs.get(key(Workload.values()[0], quarters.get(0)))))
                .ifPresent(input -> Platform.runLater(input::requestFocus));
    }

    @Override
    public void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public Optional<DraftKey> draftKey() {
        return details == null ? Optional.empty()
                : Optional.of(DraftKey.ofCustomer(DraftForm.FORECAST, details.customer().tpid()));
    }

    @Override
    public Map<String, String> draftValues() {
        return texts();
    }

    @Override
    public Map<String, String> draftBase() {
        return base;
    }

    /** Every cell as typed, by workload and quarter. */
    private Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Workload w : Workload.values()) {
            for (Quarter q : quarters) {
                texts.put(key(w, q), inputs.get(key(w, q)).getText());
            }
        }
        return texts;
    }

    @Override
    public Optional<String> restore(Draft draft) {
        if (details == null || details.customer().tpid() != draft.tpid()) {
            return Optional.of("The customer of the draft is not shown.");
        }
        if (details.editHealth().denied()) {
            return Optional.of(details.editHealth().reason());
        }
        startEditing();
        boolean changedSince = baseChanged(draft);
        // the cells the person changed, on top of the forecasts as they are now
        draft.changes().forEach((cell, text) -> {
            TextField input = inputs.get(cell);
            if (input != null) {
                input.setText(text);
            }
        });
        setNotice(DraftNotice.restored(draft, changedSince, "forecast", model.edits().now()));
        changed();
        return Optional.empty();
    }

    /**
     * True when a cell the draft started from holds another saved value now; cells of quarters that
     * have passed since are no longer in the grid and do not count.
     */
    private boolean baseChanged(Draft draft) {
        return draft.base().entrySet().stream()
                .anyMatch(cell -> base.containsKey(cell.getKey()) && !base.get(cell.getKey()).equals(cell.getValue()));
    }

    void show(CustomerDetails fresh) {
        boolean sameCustomer = details != null && details.customer().tpid() == fresh.customer().tpid();
        if (!sameCustomer) {
            cancelEditing();
        }
        details = fresh;
        setEditable(fresh.editHealth().allowed());
        List<Quarter> wanted = new ArrayList<>();
        Quarter q = Quarter.of(fresh.today());
        for (int i = 0; i < QUARTERS; i++) {
            wanted.add(q);
            q = q.next();
        }
        if (!wanted.equals(quarters) || grid.getChildren().isEmpty()) {
            quarters = wanted;
            build();
        }
        for (Workload w : Workload.values()) {
            Optional<WorkloadUsage> actual = fresh.usage().stream().filter(u -> u.workload() == w).findFirst();
            Label a = values.get(key(w, null));
            a.setText(actual.map(u -> String.format(Locale.US, "%,d", u.active())).orElse("—"));
            a.setTooltip(actual.map(u -> new Tooltip(String.format(Locale.US, "%,d active of %,d entitled, as of %s",
                    u.active(), u.entitled(), DateText.of(u.asOf())))).orElse(null));
            for (Quarter quarter : quarters) {
                Label v = values.get(key(w, quarter));
                Optional<Forecast> f = forecast(w, quarter);
                v.setText(f.map(x -> String.format(Locale.US, "%,d", x.projectedActive())).orElse("—"));
            }
        }
    }

    private void build() {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        values.clear();
        inputs.clear();
        ColumnConstraints first = new ColumnConstraints();
        first.setHgrow(Priority.ALWAYS);
        // room for "(OneDrive/SharePoint)" on a line of its own: a word is never broken
        first.setMinWidth(160);
        grid.getColumnConstraints().add(first);
        for (int i = 0; i <= QUARTERS; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHalignment(HPos.RIGHT);
            // "Active now" keeps its words; the quarters' figures need less
            c.setMinWidth(i == 0 ? 82 : 66);
            c.setPrefWidth(i == 0 ? 86 : 78);
            grid.getColumnConstraints().add(c);
        }
        grid.add(head("Workload"), 0, 0);
        grid.add(head("Active now"), 1, 0);
        for (int i = 0; i < quarters.size(); i++) {
            grid.add(head(quarters.get(i).toString()), i + 2, 0);
        }
        int row = 1;
        for (Workload w : Workload.values()) {
            Label name = new Label(w.label());
            name.setWrapText(true);
            grid.add(name, 0, row);
            Label actual = new Label();
            actual.setId("forecastActual-" + w.name());
            actual.getStyleClass().addAll(Styles.TEXT_MUTED);
            values.put(key(w, null), actual);
            grid.add(actual, 1, row);
            int col = 2;
            for (Quarter q : quarters) {
                Label v = new Label();
                v.setId("forecast-" + w.name() + "-" + q);
                v.getStyleClass().add("forecast-value");
                v.visibleProperty().bind(editingProperty().not());
                v.managedProperty().bind(v.visibleProperty());
                TextField input = new TextField();
                input.setId("forecastField-" + w.name() + "-" + q);
                input.setPrefColumnCount(6);
                input.setAlignment(Pos.CENTER_RIGHT);
                input.setPromptText("—");
                input.textProperty().addListener((obs, old, now) -> {
                    changed();
                    unmarkWhenFixed(input);
                });
                // Enter commits the grid, as Save does
                input.setOnAction(e -> commitFromKeyboard());
                input.visibleProperty().bind(editingProperty());
                input.managedProperty().bind(input.visibleProperty());
                values.put(key(w, q), v);
                inputs.put(key(w, q), input);
                StackPane cell = new StackPane(v, input);
                cell.setAlignment(Pos.CENTER_RIGHT);
                grid.add(cell, col++, row);
            }
            row++;
        }
    }

    private Optional<Forecast> forecast(Workload w, Quarter q) {
        return details.forecasts().stream().filter(f -> f.workload() == w && f.quarter().equals(q)).findFirst();
    }

    private void load() {
        clearErrors();
        for (Workload w : Workload.values()) {
            for (Quarter q : quarters) {
                inputs.get(key(w, q)).setText(forecast(w, q).map(f -> Long.toString(f.projectedActive())).orElse(""));
            }
        }
    }

    /**
     * The edit as rows to save and forecasts to remove; bad cells are listed in {@code problems},
     * and marked when {@code mark}.
     */
    private void collect(List<Object> saves, List<RowRef> deletes, List<String> problems, boolean mark) {
        for (Workload w : Workload.values()) {
            for (Quarter q : quarters) {
                TextField input = inputs.get(key(w, q));
                String text = input.getText().strip().replace(",", "");
                Optional<Forecast> was = forecast(w, q);
                if (text.isEmpty()) {
                    was.ifPresent(f -> deletes.add(RowRef.of(f)));
                    continue;
                }
                long value;
                try {
                    value = Long.parseLong(text);
                } catch (NumberFormatException e) {
                    if (mark) {
                        mark(input, "\"" + input.getText().strip() + "\" is not a whole number");
                    }
                    problems.add(w.label() + " " + q + ": \"" + input.getText().strip() + "\" is not a whole number of users.");
                    continue;
                }
                if (value < 0 && mark) {
                    mark(input, "cannot be negative");
                }
                if (was.isEmpty() || was.get().projectedActive() != value) {
                    saves.add(new Forecast(details.customer().tpid(), w, q, value));
                }
            }
        }
    }

    @Override
    public boolean hasUnsavedChanges() {
        if (!isEditing() || details == null) {
            return false;
        }
        List<Object> saves = new ArrayList<>();
        List<RowRef> deletes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        // asked on every keystroke (drafts): it must leave the cells' marks as they are
        collect(saves, deletes, problems, false);
        return !saves.isEmpty() || !deletes.isEmpty() || !problems.isEmpty();
    }

    @Override
    public void discard() {
        cancelEditing();
    }

    private void saveForecasts(Consumer<Boolean> done) {
        clearErrors();
        List<Object> saves = new ArrayList<>();
        List<RowRef> deletes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        collect(saves, deletes, problems, true);
        if (!problems.isEmpty()) {
            setMessage(String.join(" ", problems));
            done.accept(false);
            return;
        }
        if (saves.isEmpty() && deletes.isEmpty()) {
            finishEditing();
            done.accept(true);
            return;
        }
        setBusy(true);
        int cells = saves.size() + deletes.size();
        model.save(cells == 1 ? "Forecast cell saved" : "Forecast saved (" + cells + " cells)", saves, deletes, () -> {
            setBusy(false);
            finishEditing();
            done.accept(true);
        }, found -> {
            setBusy(false);
            setMessage(String.join(" ", found.stream().map(p -> p.message()).toList()));
            done.accept(false);
        });
    }

    /** Enter in a cell: saves like Save, then the pencil holds the focus (the cells are gone). */
    private void commitFromKeyboard() {
        if (busyProperty().get()) {
            return;
        }
        saveForecasts(saved -> {
            if (saved) {
                pencil().requestFocus();
            }
        });
    }

    /** A marked cell loses its mark once it holds a whole number of users; the message goes with the last mark. */
    private void unmarkWhenFixed(TextField input) {
        if (!input.getPseudoClassStates().contains(INVALID)) {
            return;
        }
        String text = input.getText().strip().replace(",", "");
        try {
            if (!text.isEmpty() && Long.parseLong(text) < 0) {
                return;
            }
        } catch (NumberFormatException e) {
            return;
        }
        input.pseudoClassStateChanged(INVALID, false);
        input.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        input.setTooltip(null);
        if (inputs.values().stream().noneMatch(i -> i.getPseudoClassStates().contains(INVALID))) {
            setMessage("");
        }
    }

    private static void mark(TextField input, String why) {
        input.pseudoClassStateChanged(INVALID, true);
        input.pseudoClassStateChanged(Styles.STATE_DANGER, true);
        input.setTooltip(new Tooltip(why));
    }

    private void clearErrors() {
        setMessage("");
        for (TextField input : inputs.values()) {
            input.pseudoClassStateChanged(INVALID, false);
            input.pseudoClassStateChanged(Styles.STATE_DANGER, false);
            input.setTooltip(null);
        }
    }

    private static String key(Workload w, Quarter q) {
        return w.name() + "@" + (q == null ? "actual" : q.toString());
    }

    private static Label head(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, Styles.TEXT_BOLD);
        return l;
    }
}

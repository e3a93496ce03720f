package ftop.app.customer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.widgets.PencilSection;
import ftop.core.health.Workload;
import ftop.core.store.RowRef;
import ftop.core.usage.Forecast;
import ftop.core.usage.Quarter;
import ftop.core.usage.WorkloadUsage;

/**
 * The Forecast card: projected active usage per workload for this quarter and the next three,
 * with the current actuals beside them; editable as a grid behind the pencil. Save writes every
 * changed cell in one edit (a cleared cell removes its forecast); a cell that is not a whole
 * number is marked and nothing is written.
 */
final class ForecastWidget extends PencilSection {

    static final int QUARTERS = 4;
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final CustomerViewModel model;
    private final GridPane grid = new GridPane();
    private final Map<String, Label> values = new HashMap<>();
    private final Map<String, TextField> inputs = new HashMap<>();
    private CustomerDetails details;
    private List<Quarter> quarters = List.of();

    ForecastWidget(CustomerViewModel model) {
        super("forecast", "Forecast", Material2MZ.TRENDING_UP, new StackPane());
        this.model = model;
        getChildren().set(1, grid);
        grid.setId("forecastGrid");
        grid.getStyleClass().add("forecast-grid");
        grid.setHgap(10);
        grid.setVgap(6);
        setOnEdit(this::load);
        setOnCancel(this::clearErrors);
        setOnSave(this::saveForecasts);
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
                    u.active(), u.entitled(), ftop.app.widgets.DateText.of(u.asOf())))).orElse(null));
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
        first.setMinWidth(120);
        grid.getColumnConstraints().add(first);
        for (int i = 0; i <= QUARTERS; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHalignment(HPos.RIGHT);
            c.setMinWidth(78);
            c.setPrefWidth(86);
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

    /** The edit as rows to save and forecasts to remove; bad cells are marked and listed in {@code problems}. */
    private void collect(List<Object> saves, List<RowRef> deletes, List<String> problems) {
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
                    mark(input, "\"" + input.getText().strip() + "\" is not a whole number");
                    problems.add(w.label() + " " + q + ": \"" + input.getText().strip() + "\" is not a whole number of users.");
                    continue;
                }
                if (value < 0) {
                    mark(input, "cannot be negative");
                }
                if (was.isEmpty() || was.get().projectedActive() != value) {
                    saves.add(new Forecast(details.customer().tpid(), w, q, value));
                }
            }
        }
    }

    boolean hasUnsavedChanges() {
        if (!isEditing()) {
            return false;
        }
        List<Object> saves = new ArrayList<>();
        List<RowRef> deletes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        collect(saves, deletes, problems);
        clearErrors();
        return !saves.isEmpty() || !deletes.isEmpty() || !problems.isEmpty();
    }

    void discard() {
        cancelEditing();
    }

    private void saveForecasts() {
        clearErrors();
        List<Object> saves = new ArrayList<>();
        List<RowRef> deletes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        collect(saves, deletes, problems);
        if (!problems.isEmpty()) {
            setMessage(String.join(" ", problems));
            return;
        }
        if (saves.isEmpty() && deletes.isEmpty()) {
            finishEditing();
            return;
        }
        setBusy(true);
        int cells = saves.size() + deletes.size();
        model.save(cells == 1 ? "Forecast cell saved" : "Forecast saved (" + cells + " cells)", saves, deletes, () -> {
            setBusy(false);
            finishEditing();
        }, found -> {
            setBusy(false);
            setMessage(String.join(" ", found.stream().map(p -> p.message()).toList()));
        });
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

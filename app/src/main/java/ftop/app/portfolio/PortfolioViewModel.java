package ftop.app.portfolio;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.Workspace;

/**
 * The state of the Portfolio tab: the customers of the workspace as {@link PortfolioRow}s. The view
 * binds to it and calls its commands; it never reads the store itself.
 */
public final class PortfolioViewModel {

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final LongConsumer openCustomer;

    private final ObservableList<PortfolioRow> rows = FXCollections.observableArrayList();
    private final ObservableList<PortfolioRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /**
     * @param openCustomer called with a TPID when the user asks to open that customer
     */
    public PortfolioViewModel(Workspace workspace, BackgroundTasks tasks, Clock clock, LongConsumer openCustomer) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.openCustomer = Objects.requireNonNull(openCustomer, "openCustomer");
    }

    /** Reads the customers again from the workspace, in the background. */
    public void refresh() {
        loading.set(true);
        LocalDate today = LocalDate.now(clock);
        tasks.run(() -> PortfolioRows.build(workspace.customers(), workspace.tenants(), workspace.health(),
                        workspace.usage(), workspace.rules(), today),
                this::show,
                failure -> {
                    loading.set(false);
                    error.set("The customers could not be read from the local workspace: " + messageOf(failure));
                });
    }

    private void show(List<PortfolioRow> fresh) {
        rows.setAll(fresh);
        error.set("");
        loading.set(false);
        loaded.set(true);
    }

    /** Opens the customer of {@code row} in the Customer tab. */
    public void open(PortfolioRow row) {
        if (row != null) {
            openCustomer.accept(row.tpid());
        }
    }

    /** The customers, sorted by name; changes on the FX thread only. */
    public ObservableList<PortfolioRow> rows() {
        return readOnlyRows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True once the first load finished. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** What went wrong with the last load, for people; empty when it worked. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}

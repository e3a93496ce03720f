package ftop.app.customer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.Workspace;
import ftop.core.customer.Customer;

/**
 * The state of the Customer tab: the customers to pick from and the details of the one picked.
 * Everything the tab shows is contextual to {@link #detailsProperty() the selected customer}.
 */
public final class CustomerViewModel {

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final Clock clock;

    private final ObservableList<CustomerChoice> choices = FXCollections.observableArrayList();
    private final ObservableList<CustomerChoice> readOnlyChoices = FXCollections.unmodifiableObservableList(choices);
    private final ReadOnlyObjectWrapper<CustomerChoice> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<CustomerDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /** Counts selections, so that a slow load never overwrites the customer picked after it. */
    private long generation;

    public CustomerViewModel(Workspace workspace, BackgroundTasks tasks, Clock clock) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Reads the list of customers to pick from, and the selected customer again, in the background. */
    public void refresh() {
        tasks.run(() -> workspace.customers().stream()
                        .map(c -> new CustomerChoice(c.tpid(), c.name()))
                        .sorted(Comparator.comparing(CustomerChoice::name, String.CASE_INSENSITIVE_ORDER))
                        .toList(),
                this::showChoices,
                failure -> error.set("The customers could not be read: " + failure.getMessage()));
        CustomerChoice current = selected.get();
        if (current != null) {
            select(current.tpid());
        }
    }

    private void showChoices(List<CustomerChoice> fresh) {
        choices.setAll(fresh);
    }

    /** Shows the customer with {@code tpid}; loads its details in the background. */
    public void select(long tpid) {
        long request = ++generation;
        loading.set(true);
        LocalDate today = LocalDate.now(clock);
        tasks.run(() -> load(tpid, today),
                loadedDetails -> {
                    if (request != generation) {
                        return;
                    }
                    loading.set(false);
                    if (loadedDetails == null) {
                        error.set("There is no customer with TPID " + tpid + " in this workspace.");
                        return;
                    }
                    error.set("");
                    selected.set(new CustomerChoice(tpid, loadedDetails.customer().name()));
                    details.set(loadedDetails);
                },
                failure -> {
                    if (request == generation) {
                        loading.set(false);
                        error.set("The customer could not be read from the local workspace: " + failure.getMessage());
                    }
                });
    }

    private CustomerDetails load(long tpid, LocalDate today) {
        Customer customer = workspace.customer(tpid).orElse(null);
        if (customer == null) {
            return null;
        }
        return CustomerDetails.of(customer, workspace.health(tpid), workspace.contactsOf(tpid),
                workspace.tenantsOf(tpid), workspace.usageOf(tpid), workspace.rules(), today);
    }

    /** Every customer of the workspace, by name. */
    public ObservableList<CustomerChoice> choices() {
        return readOnlyChoices;
    }

    /** The customer picked, once its details are loaded; {@code null} before. */
    public ReadOnlyObjectProperty<CustomerChoice> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CustomerDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What went wrong with the last load, for people; empty when it worked. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}

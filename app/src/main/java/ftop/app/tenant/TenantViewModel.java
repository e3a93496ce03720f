package ftop.app.tenant;

import java.util.Objects;
import java.util.UUID;
import java.util.function.LongConsumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.Workspace;

/**
 * The state of the Tenant tab: the tenant opened last, as {@link TenantDetails}. Loads in the
 * background; a slow load never overwrites a tenant opened after it.
 */
public final class TenantViewModel {

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final LongConsumer openCustomer;

    private final ReadOnlyObjectWrapper<TenantDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private UUID selected;
    private long generation;

    /**
     * @param openCustomer called with the TPID when the user opens the tenant's customer
     */
    public TenantViewModel(Workspace workspace, BackgroundTasks tasks, LongConsumer openCustomer) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.openCustomer = Objects.requireNonNull(openCustomer, "openCustomer");
    }

    /** Shows the tenant with {@code tenantId}. */
    public void select(UUID tenantId) {
        selected = Objects.requireNonNull(tenantId, "tenantId");
        long mine = ++generation;
        loading.set(true);
        tasks.run(() -> TenantDetails.load(workspace, tenantId),
                loaded -> {
                    if (mine != generation) {
                        return;
                    }
                    loading.set(false);
                    if (loaded.isPresent()) {
                        details.set(loaded.get());
                        error.set("");
                    } else {
                        details.set(null);
                        error.set("The tenant " + tenantId + " is no longer in this workspace.");
                    }
                },
                failure -> {
                    if (mine == generation) {
                        loading.set(false);
                        error.set("The tenant could not be read from the local workspace: " + messageOf(failure));
                    }
                });
    }

    /** Reads the shown tenant again, e.g. after a sync. */
    public void refresh() {
        if (selected != null) {
            select(selected);
        }
    }

    /** Opens the customer of the shown tenant in the Customer tab. */
    public void openCustomer() {
        TenantDetails shown = details.get();
        if (shown != null) {
            openCustomer.accept(shown.tenant().tpid());
        }
    }

    public ReadOnlyObjectProperty<TenantDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What went wrong with the last load, for people; empty when it worked. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    private static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}

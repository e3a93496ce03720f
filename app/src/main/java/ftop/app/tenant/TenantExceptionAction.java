package ftop.app.tenant;

import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.scene.control.MenuItem;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import ftop.app.tasks.BackgroundTasks;
import ftop.core.tenant.Tenant;

/**
 * The "Add tenant (tenant exception)…" menu item: enabled for those who may add tenants (the
 * assignment team, leads, administrators), it opens the {@link TenantExceptionDialog} on the
 * customer shown, and the tenant once added.
 */
public final class TenantExceptionAction {

    private TenantExceptionAction() {
    }

    /**
     * @param model    the workspace's tenant exceptions
     * @param tasks    runs the permission check in the background
     * @param owner    the window the dialog belongs to
     * @param customer the customer shown, if any: the dialog starts with its TPID
     * @param added    hears the tenant once it is stored, e.g. to open it
     */
    public static MenuItem menuItem(TenantExceptionModel model, BackgroundTasks tasks, Supplier<Window> owner,
            Supplier<OptionalLong> customer, Consumer<Tenant> added) {
        MenuItem item = new MenuItem("Add tenant (tenant exception)…", new FontIcon(Material2AL.ADD_BUSINESS));
        item.setId("addTenantException");
        item.setDisable(true);
        tasks.run(model::mayAdd, decision -> item.setDisable(decision.denied()), failure -> item.setDisable(true));
        item.setOnAction(e -> TenantExceptionDialog.open(owner.get(), model, customer.get(), added));
        return item;
    }
}

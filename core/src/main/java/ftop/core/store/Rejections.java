package ftop.core.store;

import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.customer.Customer;
import ftop.core.permission.CustomerAccess;
import ftop.core.permission.Decision;
import ftop.core.permission.Permissions;
import ftop.core.user.User;
import java.util.Optional;

/**
 * Whether a refused edit could pass now. The server's reason is true when it answers; after a pull
 * (the customer came back into scope, the user was assigned again) it may no longer be. A refusal by
 * the permission rules is checked again with the same rules over the workspace as it is now, so the
 * user sees today's reason, or is offered to send the edit again.
 */
public final class Rejections {

    /**
     * What to tell the user about a refused edit now.
     *
     * @param message   the reason as it stands now, for a person
     * @param couldPass true when the rules that refused it allow it now: offer to send it again
     */
    public record Recheck(String message, boolean couldPass) {
    }

    /** The message when the server gave none. */
    public static final String NO_REASON = "The server refused this change.";

    private Rejections() {
    }

    /**
     * Checks {@code entry}, a refused edit, again for {@code userId} against {@code store} as it is now.
     *
     * @throws IllegalArgumentException when {@code entry} is not a refused edit
     */
    public static Recheck recheck(WorkspaceReads store, String userId, OutboxEntry entry) {
        if (entry.state() != OutboxState.REJECTED) {
            throw new IllegalArgumentException("Only a refused edit is checked again, not a " + entry.state());
        }
        String given = entry.message().filter(m -> !m.isBlank()).orElse(NO_REASON);
        boolean permission = given.startsWith(Permissions.REFUSED);
        String said = permission ? given.substring(Permissions.REFUSED.length()).strip() : given;
        Mutation m = entry.mutation();
        Optional<?> row = store.repository(m.kind().type()).get(m.entityId());
        if (row.isEmpty()) {
            // a deleted row, or one of a customer that left the workspace: nothing to check against
            return new Recheck(m.op() == Mutation.Op.DELETE ? said : said + " The row is no longer in your "
                    + "workspace (it may have left your scope); your change is kept here until you discard it.", false);
        }
        Optional<User> user = store.users().get(userId);
        if (user.isEmpty()) {
            return new Recheck(said, false);
        }
        Decision now;
        if (m.kind() == EntityKind.USER) {
            now = Permissions.canChange(user.get(), null, row.get(), row.get());
        } else {
            long tpid = m.kind().tpidOf(row.get());
            Optional<Customer> customer = store.customers().get(Long.toString(tpid));
            if (customer.isEmpty()) {
                return new Recheck(said, false);
            }
            CustomerAccess access = CustomerAccess.of(customer.get(), store.assignments().byTpid(tpid));
            now = Permissions.canChange(user.get(), access, row.get(), row.get());
        }
        if (now.denied()) {
            return new Recheck(now.reason(), false);
        }
        if (permission) {
            return new Recheck("The server refused this change earlier (" + said
                    + ") but you may make it now: send it again.", true);
        }
        return new Recheck(said, false);
    }
}

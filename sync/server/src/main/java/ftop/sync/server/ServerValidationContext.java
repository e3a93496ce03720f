package ftop.sync.server;

import ftop.core.change.EntityKind;
import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.tenant.Tenant;
import ftop.core.user.User;
import ftop.core.validation.ValidationContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The core validation rules' view of the server's data, read on the writing transaction's
 * connection (or through a group's {@link GroupCache}) so a batch sees its own earlier mutations.
 */
final class ServerValidationContext implements ValidationContext {

    /**
     * Clients judge dates in their own zone. The server takes "today" in the zone furthest ahead
     * (UTC+14), so a date that is today for any client is never "in the future" here.
     */
    static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    /** Where the rules' reads go. */
    interface RowSource {

        /** The row of {@code kind} and {@code id}, a tombstone too; empty when there is none. */
        Optional<StoredRow> find(EntityKind kind, String id) throws SQLException;

        /** The live rows of {@code kind} of one customer, oldest revision first. */
        List<StoredRow> live(EntityKind kind, long tpid) throws SQLException;
    }

    private final RowSource rows;
    private final LocalDate today;

    ServerValidationContext(Connection c, LocalDate today) {
        this(new RowSource() {
            @Override
            public Optional<StoredRow> find(EntityKind kind, String id) throws SQLException {
                return RowStore.find(c, kind, id, false);
            }

            @Override
            public List<StoredRow> live(EntityKind kind, long tpid) throws SQLException {
                return RowStore.byTpid(c, kind, tpid);
            }
        }, today);
    }

    ServerValidationContext(RowSource rows, LocalDate today) {
        this.rows = rows;
        this.today = today;
    }

    @Override
    public Optional<Customer> customer(long tpid) {
        return one(EntityKind.CUSTOMER, Long.toString(tpid));
    }

    @Override
    public List<Contact> contactsOf(long tpid) {
        return many(EntityKind.CONTACT, tpid);
    }

    @Override
    public List<Tenant> tenantsOf(long tpid) {
        return many(EntityKind.TENANT, tpid);
    }

    @Override
    public Optional<Tenant> tenant(UUID tenantId) {
        return one(EntityKind.TENANT, tenantId.toString());
    }

    @Override
    public Optional<User> user(String userId) {
        return one(EntityKind.USER, userId);
    }

    @Override
    public LocalDate today() {
        return today;
    }

    private <T> Optional<T> one(EntityKind kind, String id) {
        try {
            return rows.find(kind, id).filter(r -> !r.deleted()).map(StoredRow::entity);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + kind.wireName() + " " + id, e);
        }
    }

    private <T> List<T> many(EntityKind kind, long tpid) {
        try {
            List<T> out = new ArrayList<>();
            for (StoredRow row : rows.live(kind, tpid)) {
                out.add(row.entity());
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the " + kind.wireName() + " rows of " + tpid, e);
        }
    }
}

package ftop.sync.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The database's id ({@code server_identity}): made at the first start, read at every later one.
 * A new or reset database gets a new id, which is how clients notice they must sync afresh.
 */
final class ServerIdentity {

    private ServerIdentity() {
    }

    /** The id kept in the database, made now if it has none. */
    static String ensure(DataSource target) {
        try (Connection c = target.getConnection()) {
            String id = read(c);
            if (id != null) {
                return id;
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO server_identity (id, server_id) VALUES (1, ?)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.executeUpdate();
            } catch (SQLException e) {
                // Another server on the same database made it at the same moment: theirs is the id.
            }
            id = read(c);
            if (id == null) {
                throw new IllegalStateException("The server database has no server_identity row and none can be made");
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the server's id: " + e.getMessage(), e);
        }
    }

    /**
     * Gives the database a new random id, on {@code c} in the caller's transaction: after a restore,
     * so that every client syncs afresh from the restored data.
     *
     * @return the new id
     */
    static String renew(Connection c) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement update = c.prepareStatement("UPDATE server_identity SET server_id = ? WHERE id = 1")) {
            update.setString(1, id);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO server_identity (id, server_id) VALUES (1, ?)")) {
                    insert.setString(1, id);
                    insert.executeUpdate();
                }
            }
        }
        return id;
    }

    private static String read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT server_id FROM server_identity WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}

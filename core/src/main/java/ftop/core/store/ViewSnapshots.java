package ftop.core.store;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What screens showed last (table {@code view_snapshot}), so that the next start draws them before
 * reading the rows they are built from. A snapshot is no row of the workspace: writing one tells no
 * listener and queues nothing for the server.
 */
final class ViewSnapshots {

    private final StoreDatabase db;
    private final Clock clock;

    ViewSnapshots(StoreDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Optional<String> get(String name) {
        Objects.requireNonNull(name, "name");
        return db.read(() -> {
            try (PreparedStatement st = db.connection().prepareStatement("SELECT body FROM view_snapshot WHERE name = ?")) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(text(rs)) : Optional.<String>empty();
                }
            }
        });
    }

    void put(String name, String body) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        db.write(StoreChange.Origin.LOCAL_EDIT, touched -> {
            try (PreparedStatement st = db.connection().prepareStatement(
                    "MERGE INTO view_snapshot (name, body, saved_at) KEY (name) VALUES (?, ?, ?)")) {
                st.setString(1, name);
                st.setCharacterStream(2, new java.io.StringReader(body), body.length());
                st.setTimestamp(3, Timestamp.from(clock.instant()));
                st.executeUpdate();
            }
            return null;
        });
    }

    private static String text(ResultSet rs) throws SQLException {
        try (Reader reader = rs.getCharacterStream(1)) {
            StringWriter out = new StringWriter();
            reader.transferTo(out);
            return out.toString();
        } catch (IOException e) {
            throw new SQLException("The snapshot could not be read", e);
        }
    }
}

package ftop.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;

/** The settings of a workspace (server URL, session, last sync, the screens' choices): text by name. */
final class Settings {

    private final StoreDatabase db;

    Settings(StoreDatabase db) {
        this.db = db;
    }

    Optional<String> get(String key) {
        Objects.requireNonNull(key, "key");
        return db.read(() -> {
            try (PreparedStatement st = db.connection().prepareStatement("SELECT text_value FROM setting WHERE name = ?")) {
                st.setString(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Sets a setting; a setting is no row, so listeners are not told. */
    void put(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        db.write(StoreChange.Origin.LOCAL_EDIT, touched -> {
            try (PreparedStatement st = db.connection().prepareStatement(
                    "MERGE INTO setting (name, text_value) KEY (name) VALUES (?, ?)")) {
                st.setString(1, key);
                st.setString(2, value);
                st.executeUpdate();
            }
            return null;
        });
    }

    void remove(String key) {
        Objects.requireNonNull(key, "key");
        db.write(StoreChange.Origin.LOCAL_EDIT, touched -> {
            try (PreparedStatement st = db.connection().prepareStatement("DELETE FROM setting WHERE name = ?")) {
                st.setString(1, key);
                st.executeUpdate();
            }
            return null;
        });
    }
}

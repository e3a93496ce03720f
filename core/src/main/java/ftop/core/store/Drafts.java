package ftop.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import ftop.core.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The drafts of one workspace: what people typed into open forms and have not saved, one per form
 * and subject. Each call is one transaction of the store, on disk when it returns, so a draft
 * written survives the process being killed right after. Drafts are not rows of the workspace:
 * writing one tells no {@link StoreListener} and never touches the outbox.
 *
 * <p>Thread-safe, like the store it belongs to.
 */
public final class Drafts {

    private static final ObjectMapper MAPPER = Json.mapper();
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };

    private final StoreDatabase db;

    Drafts(StoreDatabase db) {
        this.db = db;
    }

    /** Keeps {@code draft}, in place of the draft of the same form and subject if there is one. */
    public void put(Draft draft) {
        Objects.requireNonNull(draft, "draft");
        String values = json(draft.values());
        String base = json(draft.base());
        db.write(StoreChange.Origin.LOCAL_EDIT, touched -> {
            try (PreparedStatement st = db.connection().prepareStatement("MERGE INTO draft (form, subject, tpid, "
                    + "field_values, base_values, saved_at) KEY (form, subject) VALUES (?, ?, ?, ?, ?, ?)")) {
                st.setString(1, draft.form());
                st.setString(2, draft.subject());
                st.setLong(3, draft.tpid());
                st.setString(4, values);
                st.setString(5, base);
                st.setObject(6, OffsetDateTime.ofInstant(draft.savedAt(), ZoneOffset.UTC));
                st.executeUpdate();
            }
            return null;
        });
    }

    /** The draft of {@code form} for {@code subject}, if one is kept. */
    public Optional<Draft> get(String form, String subject) {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(subject, "subject");
        return db.read(() -> {
            try (PreparedStatement st = db.connection().prepareStatement(
                    "SELECT " + COLUMNS + " FROM draft WHERE form = ? AND subject = ?")) {
                st.setString(1, form);
                st.setString(2, subject);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(draft(rs)) : Optional.<Draft>empty();
                }
            }
        });
    }

    /** Every draft kept, newest first. */
    public List<Draft> all() {
        return db.read(() -> {
            List<Draft> out = new ArrayList<>();
            try (PreparedStatement st = db.connection().prepareStatement(
                    "SELECT " + COLUMNS + " FROM draft ORDER BY saved_at DESC, form, subject");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(draft(rs));
                }
            }
            return out;
        });
    }

    /**
     * Deletes the draft of {@code form} for {@code subject}, once it was saved or given up.
     *
     * @return false when there was none
     */
    public boolean delete(String form, String subject) {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(subject, "subject");
        return db.write(StoreChange.Origin.LOCAL_EDIT, touched -> {
            try (PreparedStatement st = db.connection().prepareStatement("DELETE FROM draft WHERE form = ? AND subject = ?")) {
                st.setString(1, form);
                st.setString(2, subject);
                return st.executeUpdate() > 0;
            }
        });
    }

    private static final String COLUMNS = "form, subject, tpid, field_values, base_values, saved_at";

    private static Draft draft(ResultSet rs) throws SQLException {
        return new Draft(rs.getString(1), rs.getString(2), rs.getLong(3), fields(rs.getString(4)), fields(rs.getString(5)),
                rs.getObject(6, OffsetDateTime.class).toInstant());
    }

    private static String json(Map<String, String> fields) {
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of text cannot fail to become JSON", e);
        }
    }

    private static Map<String, String> fields(String json) throws SQLException {
        try {
            return MAPPER.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            throw new SQLException("A kept draft is not a JSON object of text: " + e.getOriginalMessage(), e);
        }
    }
}

package ftop.sync.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import ftop.core.Json;

/**
 * The JSON mappers of the wire protocol. Both sides write with the one FTOP configuration
 * ({@link Json}): ISO-8601 dates and instants, enums by name. They read differently, on purpose:
 *
 * <ul>
 *   <li>The server reads requests with {@link #mapper()}, which refuses unknown properties: a
 *       client that sends a field the server does not know is told so (400) instead of having its
 *       data dropped.</li>
 *   <li>A client reads the server's answers with {@link #answers()}, which skips properties and enum
 *       constants it does not know. A newer server may add a field to an answer (or a role to a
 *       sign-in) without breaking every desktop already installed; what the client needs is still
 *       checked by the client.</li>
 * </ul>
 */
public final class ProtocolJson {

    private static final ObjectMapper ANSWERS = Json.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

    private ProtocolJson() {
    }

    /** The strict mapper: writes everything, reads requests. Shared and thread-safe; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return Json.mapper();
    }

    /**
     * The tolerant mapper a client reads the server's answers with: unknown properties are skipped
     * and unknown enum constants read as null (the answer's checks decide what a null means).
     * Shared and thread-safe; do not reconfigure it.
     */
    public static ObjectMapper answers() {
        return ANSWERS;
    }
}

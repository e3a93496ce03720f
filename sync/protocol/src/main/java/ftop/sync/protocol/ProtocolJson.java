package ftop.sync.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import ftop.core.Json;

/**
 * The JSON mapper of the wire protocol, used by both the client and the server. It is the one
 * FTOP configuration ({@link Json}): ISO-8601 dates and instants, enums by name, unknown
 * properties refused, so that a client and server that disagree fail loudly instead of
 * dropping data.
 */
public final class ProtocolJson {

    private ProtocolJson() {
    }

    /** The shared, thread-safe mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return Json.mapper();
    }
}

package ftop.sync.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.RawValue;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.sync.protocol.ProtocolJson;
import ftop.sync.protocol.RowChange;
import java.time.Instant;

/**
 * A row of {@code sync_row} as read: the server copy of one entity, or its tombstone.
 *
 * @param kind     the kind of row
 * @param id       its id within the kind
 * @param tpid     its customer
 * @param revision the revision of its last change
 * @param body      its JSON, null when deleted
 * @param changedBy the user whose change made this revision; null when not known (loaded with a data set)
 * @param changedAt when that change was committed; null when not known
 */
record StoredRow(EntityKind kind, String id, long tpid, long revision, String body, String changedBy,
                 Instant changedAt) {

    boolean deleted() {
        return body == null;
    }

    /** The row as its record type. */
    <T> T entity() {
        return EntityCodec.fromJson(kind, body);
    }

    /**
     * The wire form; a tombstone when deleted. The stored JSON goes out as it is, without being
     * parsed into a tree and written again: on a page of 500 rows that was most of the work.
     */
    RowChange toChange() {
        return new RowChange(kind.wireName(), id, tpid, revision, deleted() ? null
                : ProtocolJson.mapper().getNodeFactory().rawValueNode(new RawValue(body)), changedBy, changedAt);
    }

    /**
     * The wire form with the body withheld: how a row the caller may no longer see is dropped. Who
     * changed it is withheld too.
     */
    RowChange toTombstone() {
        return new RowChange(kind.wireName(), id, tpid, revision, null);
    }

    JsonNode tree() {
        try {
            return ProtocolJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + kind.wireName() + " " + id + " is not valid JSON", e);
        }
    }
}

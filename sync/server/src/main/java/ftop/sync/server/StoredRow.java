package ftop.sync.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.RawValue;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.sync.protocol.ProtocolJson;
import ftop.sync.protocol.RowChange;

/**
 * A row of {@code sync_row} as read: the server copy of one entity, or its tombstone.
 *
 * @param kind     the kind of row
 * @param id       its id within the kind
 * @param tpid     its customer
 * @param revision the revision of its last change
 * @param body     its JSON, null when deleted
 */
record StoredRow(EntityKind kind, String id, long tpid, long revision, String body) {

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
                : ProtocolJson.mapper().getNodeFactory().rawValueNode(new RawValue(body)));
    }

    /** The wire form with the body withheld: how a row the caller may no longer see is dropped. */
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

package ftop.sync.client;

import ftop.core.store.LocalStore;
import ftop.core.store.Outbox;
import ftop.core.store.OutboxEntry;
import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Outbox entries as the wire batch of a push: each edit numbered by its outbox position (which never
 * goes back), with the workspace's id and the lowest position still in the outbox. Every answer below
 * that is settled in the workspace and never asked for again, so the server may forget those answers
 * and still recognise a replay (its high-water mark, as Replicache keeps a client's last mutation id).
 */
final class PushBatches {

    /** The workspace setting that holds its id towards the server (see {@link MutationBatch#clientId()}). */
    static final String CLIENT_ID_SETTING = "sync.clientId";

    private PushBatches() {
    }

    static MutationBatch of(List<OutboxEntry> entries, Outbox outbox, String clientId) {
        List<MutationRequest> requests = new ArrayList<>(entries.size());
        long lowest = Long.MAX_VALUE;
        for (OutboxEntry entry : entries) {
            requests.add(MutationRequest.of(entry.mutation(), entry.seq()));
            lowest = Math.min(lowest, entry.seq());
        }
        for (OutboxEntry entry : outbox.pending(1)) {
            lowest = Math.min(lowest, entry.seq());
        }
        for (OutboxEntry entry : outbox.problems()) {
            lowest = Math.min(lowest, entry.seq());
        }
        return new MutationBatch(requests, clientId, lowest);
    }

    /** The workspace's id towards the server: made once, kept in the workspace. */
    static String clientId(LocalStore store) {
        Optional<String> id = store.setting(CLIENT_ID_SETTING);
        return id.isPresent() ? id.get() : newClientId(store);
    }

    /**
     * A new id for the workspace, for when the server has acknowledged more from the old one than
     * this copy of the workspace knows: its numbers start afresh under the new id.
     */
    static String newClientId(LocalStore store) {
        String made = UUID.randomUUID().toString();
        store.putSetting(CLIENT_ID_SETTING, made);
        return made;
    }
}

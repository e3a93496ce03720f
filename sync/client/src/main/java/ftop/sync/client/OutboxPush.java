package ftop.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import ftop.core.store.ConflictField;
import ftop.core.store.LocalStore;
import ftop.core.store.Outbox;
import ftop.core.store.OutboxEntry;
import ftop.sync.protocol.FieldConflict;
import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationResult;
import ftop.sync.protocol.MutationResults;
import ftop.sync.protocol.RowChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pushes the outbox to the server and records each answer in it. See {@link SyncClient#push}. */
final class OutboxPush {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPush.class);
    /** The error of a push from a workspace whose numbering went back (see {@link #send}). */
    static final String CLIENT_BEHIND = "client_behind";

    private final ServerApi api;
    private final LocalStore store;

    OutboxPush(ServerApi api, LocalStore store) {
        this.api = api;
        this.store = store;
    }

    /**
     * Sends pending edits in batches of at most {@value MutationBatch#MAX_SIZE}, oldest first,
     * recording each answer in the outbox as soon as its batch is answered. When the server
     * refuses a whole batch as malformed, the edits go again one by one, so that only the edit
     * at fault is marked rejected (with the server's message, for the user to see) and the others
     * still reach the server.
     */
    PushSummary push(String token) throws SyncException {
        Outbox outbox = store.outbox();
        Set<UUID> sent = new HashSet<>();
        int[] counts = new int[3];
        while (true) {
            List<OutboxEntry> batch = outbox.pending(MutationBatch.MAX_SIZE);
            if (batch.isEmpty() || batch.stream().allMatch(e -> sent.contains(e.mutation().id()))) {
                // The second test guards against sending the same entries for ever should
                // the store not take an answer; they go again on the next sync.
                break;
            }
            batch.forEach(e -> sent.add(e.mutation().id()));
            try {
                record(outbox, send(token, batch, outbox).results(), counts);
            } catch (SyncException e) {
                if (!refusedAsMalformed(e)) {
                    throw e;
                }
                for (OutboxEntry entry : batch) {
                    try {
                        record(outbox, send(token, List.of(entry), outbox).results(), counts);
                    } catch (SyncException single) {
                        if (!refusedAsMalformed(single)) {
                            throw single;
                        }
                        outbox.markRejected(entry.mutation().id(), single.getMessage());
                        counts[2]++;
                    }
                }
            }
        }
        return new PushSummary(counts[0], counts[1], counts[2]);
    }

    /**
     * Sends one batch. When the server finds the workspace numbering below what it already
     * acknowledged from it (409 {@code client_behind}: this folder was restored from a copy, or
     * copied to another laptop), the workspace takes a new client id and sends the batch again
     * under it; nothing of the refused batch was applied.
     */
    private MutationResults send(String token, List<OutboxEntry> batch, Outbox outbox) throws SyncException {
        try {
            return api.mutations(token, PushBatches.of(batch, outbox, PushBatches.clientId(store)));
        } catch (SyncException e) {
            if (!CLIENT_BEHIND.equals(e.code().orElse(null))) {
                throw e;
            }
            LOG.warn("The server has acknowledged later edits from this workspace than it holds (restored from a "
                    + "copy?); sending its edits again under a new client id");
            return api.mutations(token, PushBatches.of(batch, outbox, PushBatches.newClientId(store)));
        }
    }

    /** A 400-like answer: the server will never take this batch as it is, so retrying is futile. */
    private static boolean refusedAsMalformed(SyncException e) {
        int status = e.httpStatus().orElse(0);
        return e.failure() == SyncFailure.SERVER_ERROR && (status == 400 || status == 413 || status == 422);
    }

    /**
     * Records the answers in the outbox in one transaction (one commit per push batch rather than
     * one per edit); {@code counts} are applied, conflicts, rejected. A conflict without the
     * server's row is a bad answer: the answers before it are recorded, it and the rest go again.
     */
    private static void record(Outbox outbox, List<MutationResult> results, int[] counts) throws SyncException {
        List<Outbox.Answer> answers = new ArrayList<>(results.size());
        int[] found = new int[3];
        SyncException bad = null;
        for (MutationResult result : results) {
            switch (result.outcome()) {
                case APPLIED -> {
                    answers.add(new Outbox.Answer.Applied(result.id(), result.revision(), body(result.row())));
                    found[0]++;
                }
                case CONFLICT -> {
                    if (result.row() == null) {
                        bad = new SyncException(SyncFailure.BAD_ANSWER, "The server reported a conflict on change "
                                + result.id() + " without the current row; it will be sent again.");
                    } else {
                        answers.add(new Outbox.Answer.Conflict(result.id(), conflictFields(result),
                                result.row().revision(), result.row().body()));
                        found[1]++;
                    }
                }
                case REJECTED -> {
                    answers.add(new Outbox.Answer.Rejected(result.id(), rejection(result)));
                    found[2]++;
                }
            }
            if (bad != null) {
                break;
            }
        }
        outbox.settle(answers);
        for (int i = 0; i < counts.length; i++) {
            counts[i] += found[i];
        }
        if (bad != null) {
            throw bad;
        }
    }

    private static JsonNode body(RowChange row) {
        return row == null ? null : row.body();
    }

    private static List<ConflictField> conflictFields(MutationResult result) {
        List<ConflictField> fields = new ArrayList<>(result.conflicts().size());
        for (FieldConflict conflict : result.conflicts()) {
            fields.add(new ConflictField(conflict.field(), conflict.mine(), conflict.theirs(), conflict.changedBy(),
                    conflict.changedAt()));
        }
        return fields;
    }

    private static String rejection(MutationResult result) {
        String message = result.message() == null || result.message().isBlank()
                ? "The server refused this change." : result.message();
        return result.field() == null || result.field().isBlank() || message.contains(result.field())
                ? message : message + " (field " + result.field() + ")";
    }
}

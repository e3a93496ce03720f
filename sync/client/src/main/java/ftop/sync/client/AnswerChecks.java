package ftop.sync.client;

import ftop.core.change.EntityKind;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.HistoryEntry;
import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationRequest;
import ftop.sync.protocol.MutationResult;
import ftop.sync.protocol.MutationResults;
import ftop.sync.protocol.RowChange;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the desktop checks in a server's answer before it uses any of it: a page of changes, the
 * answers to a push, a page of history, a server id. An answer that breaks one of these is refused
 * whole as a bad answer ({@link SyncFailure#BAD_ANSWER}), and nothing is changed locally.
 */
final class AnswerChecks {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerChecks.class);

    private AnswerChecks() {
    }

    static SyncException badAnswer(String what, String detail, Throwable cause) {
        LOG.warn("Unusable answer to {}: {}", what, detail);
        return new SyncException(SyncFailure.BAD_ANSWER,
                "The server's answer to \"" + what + "\" could not be used: " + detail
                        + ". Nothing was changed locally.", cause);
    }

    /** A server id is a UUID: anything else would be taken for another server and wipe the cursor. */
    static void checkServerId(String serverId, String what) throws SyncException {
        if (serverId == null || serverId.isBlank()) {
            throw badAnswer(what, "the answer does not say which server database it comes from", null);
        }
        boolean canonical;
        try {
            canonical = UUID.fromString(serverId).toString().equalsIgnoreCase(serverId);
        } catch (IllegalArgumentException e) {
            canonical = false;
        }
        if (!canonical) {
            throw badAnswer(what, "the server id \"" + serverId + "\" is not a UUID", null);
        }
    }

    /**
     * Every invariant of a page, checked before any of it is used: it comes from a known kind of
     * server, continues from {@code since}, moves forward but never beyond the server's own latest
     * revision, ends at that revision when it says there is nothing more, and holds only rows of known
     * kinds at revisions up to its end. A row may be older than {@code since}: a customer that came
     * into the caller's scope arrives whole, its rows at the revisions they last changed.
     */
    static void check(ChangesPage page, long since) throws SyncException {
        String what = "fetch changes";
        checkServerId(page.serverId(), what);
        if (page.since() != since) {
            throw badAnswer(what, "the page starts at revision " + page.since() + " instead of " + since, null);
        }
        if (page.next() < since) {
            throw badAnswer(what, "the page goes back from revision " + since + " to " + page.next(), null);
        }
        if (page.next() > page.serverRevision()) {
            // Taken, such a cursor would wait for revisions the server never made, then cost a full sync.
            throw badAnswer(what, "the page ends at revision " + page.next() + ", beyond the server's latest revision "
                    + page.serverRevision(), null);
        }
        if (page.more() && page.next() == since) {
            // Asking again from the same place would loop for ever.
            throw badAnswer(what, "the page says there is more but does not move on from revision " + since, null);
        }
        if (!page.more() && page.next() != page.serverRevision()) {
            throw badAnswer(what, "the page says there is nothing more but ends at revision " + page.next()
                    + ", short of the server's latest revision " + page.serverRevision(), null);
        }
        for (RowChange row : page.changes()) {
            if (row == null || row.kind() == null || EntityKind.fromWireName(row.kind()).isEmpty()) {
                throw badAnswer(what, "a row has an unknown kind " + (row == null ? null : "\"" + row.kind() + "\""), null);
            }
            if (row.id() == null || row.id().isBlank()) {
                throw badAnswer(what, "a " + row.kind() + " row has no id", null);
            }
            if (row.body() != null && !row.body().isObject()) {
                throw badAnswer(what, row.kind() + " " + row.id() + " is not a JSON object", null);
            }
            if (row.revision() < 1 || row.revision() > page.next()) {
                throw badAnswer(what, row.kind() + " " + row.id() + " has revision " + row.revision()
                        + ", outside the page's revisions 1 to " + page.next(), null);
            }
        }
        for (Long tpid : page.droppedCustomers()) {
            if (tpid == null) {
                throw badAnswer(what, "a dropped customer has no TPID", null);
            }
        }
    }

    static void check(List<HistoryEntry> entries, long since) throws SyncException {
        String what = "fetch the history";
        long last = since;
        for (HistoryEntry entry : entries) {
            if (entry == null) {
                throw badAnswer(what, "an entry is empty", null);
            }
            if (entry.revision() <= since || entry.revision() < last) {
                throw badAnswer(what, "revision " + entry.revision() + " is out of order after " + last, null);
            }
            if (entry.at() == null || entry.userId() == null || entry.kind() == null || entry.entityId() == null
                    || entry.field() == null) {
                throw badAnswer(what, "the entry at revision " + entry.revision()
                        + " lacks its time, user, row or field", null);
            }
            last = entry.revision();
        }
    }

    static void check(MutationResults results, MutationBatch batch) throws SyncException {
        String what = "send changes";
        List<MutationResult> list = results.results();
        if (list.size() != batch.mutations().size()) {
            throw badAnswer(what, list.size() + " results came back for " + batch.mutations().size() + " changes", null);
        }
        Set<UUID> sent = new HashSet<>();
        for (MutationRequest m : batch.mutations()) {
            sent.add(m.id());
        }
        for (MutationResult result : list) {
            if (result == null || result.id() == null || !sent.remove(result.id())) {
                throw badAnswer(what, "a result answers a change that was not sent", null);
            }
            if (result.outcome() == null) {
                // Missing, or one a newer server knows and this app does not: the change goes again.
                throw badAnswer(what, "the result for change " + result.id() + " has no outcome this app knows", null);
            }
            for (var conflict : result.conflicts()) {
                if (conflict == null || conflict.field() == null || conflict.field().isBlank()) {
                    throw badAnswer(what, "the result for change " + result.id() + " has a conflict without a field", null);
                }
            }
            RowChange row = result.row();
            if (row != null && (row.kind() == null || EntityKind.fromWireName(row.kind()).isEmpty())) {
                throw badAnswer(what, "the result for change " + result.id() + " has a row of unknown kind", null);
            }
        }
    }
}

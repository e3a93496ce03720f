package ftop.sync.server;

import ftop.core.change.Mutation;
import ftop.core.user.User;
import ftop.sync.protocol.MutationResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Group commit of pushed batches: whoever holds the writer applies every batch waiting by then in
 * one transaction, with one hold of the revision lock and one commit; the others find theirs done
 * when their turn comes.
 *
 * <p>A group costs a handful of database round trips, not a dozen per push: what it reads is read
 * once for all its batches ({@link GroupCache}) and what it writes is sent as a few JDBC batches at
 * the end ({@link DeferredWrites}). The batches run without a savepoint each: if one fails (a
 * malformed mutation, a desktop gone back in time), the whole transaction is rolled back, that
 * batch answered with its failure, and the group run again without it, so it still fails alone and
 * the others are applied exactly once. A failure that cannot be pinned on a batch (a write sent for
 * several) runs the group again with each batch's writes sent at its end, where it can. If the
 * commit fails, every batch of the group fails and its client sends it again.
 */
final class GroupCommit {

    /** The most batches one transaction takes: enough to share a commit, few enough to answer soon. */
    static final int GROUP_LIMIT = 64;

    /** Applies one batch of a group, reading through the group's cache and writing through its writes. */
    interface BatchWork {
        List<MutationResult> apply(GroupCache cache, DeferredWrites writes, Pending batch) throws SQLException;
    }

    /** A batch waiting for the writer, and then its answers or its failure. */
    static final class Pending {
        final User caller;
        final List<Mutation> mutations;
        final ClientBatch client;
        final Instant now;
        final LocalDate today;
        // Written by the writer thread before it releases the writer lock; read after taking it.
        private List<MutationResult> results;
        private Exception failure;
        private boolean done;

        Pending(User caller, List<Mutation> mutations, ClientBatch client, Instant now, LocalDate today) {
            this.caller = caller;
            this.mutations = mutations;
            this.client = client;
            this.now = now;
            this.today = today;
        }

        List<MutationResult> answer() throws SQLException {
            if (failure instanceof SQLException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            return results;
        }
    }

    private final Database db;
    private final BatchWork work;
    private final UnaryOperator<Connection> connections;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock(true);
    /** Well-formed batches taken in and not answered yet. */
    private final AtomicInteger unanswered = new AtomicInteger();

    /**
     * @param connections wraps the connection each group runs on; the identity in the server
     *                    (tests count the statements a group sends through it)
     */
    GroupCommit(Database db, BatchWork work, UnaryOperator<Connection> connections) {
        this.db = db;
        this.work = work;
        this.connections = connections;
    }

    /** Applies {@code mine} with whatever else is waiting, and answers it. */
    List<MutationResult> apply(Pending mine) throws SQLException {
        unanswered.incrementAndGet();
        try {
            queue.add(mine);
            writer.lock();
            try {
                while (!mine.done) {
                    applyGroup();
                }
            } finally {
                writer.unlock();
            }
            return mine.answer();
        } finally {
            unanswered.decrementAndGet();
        }
    }

    /** Well-formed batches taken in and not answered yet (tests line up concurrent pushes with it). */
    int unanswered() {
        return unanswered.get();
    }

    /** Applies the batches waiting now (at most {@link #GROUP_LIMIT}) in one transaction. */
    private void applyGroup() {
        List<Pending> left = new ArrayList<>();
        for (Pending p = queue.poll(); p != null; p = left.size() < GROUP_LIMIT ? queue.poll() : null) {
            left.add(p);
        }
        List<Pending> group = List.copyOf(left);
        boolean oneByOne = false;
        while (!left.isEmpty()) {
            try {
                Map<Pending, List<MutationResult>> results = attempt(left, oneByOne);
                for (Pending batch : left) {
                    batch.results = results.get(batch);
                }
                left.clear();
            } catch (BatchFailed e) {
                if (oneByOne || left.size() == 1 || e.getCause() instanceof ApiException) {
                    // Its own doing: it fails alone, and the others go again without it.
                    e.batch.failure = (Exception) e.getCause();
                    left.remove(e.batch);
                } else {
                    // Perhaps a write held back for an earlier batch: send each batch's writes at its end.
                    oneByOne = true;
                }
            } catch (WritesFailed e) {
                oneByOne = true;
            } catch (SQLException | RuntimeException e) {
                // Nothing was committed: every batch left fails, and its client sends it again.
                for (Pending batch : left) {
                    batch.failure = e;
                }
                left.clear();
            }
        }
        for (Pending batch : group) {
            batch.done = true;
        }
    }

    /** One try at the transaction of {@code batches}; {@code oneByOne} sends each batch's writes at its end. */
    private Map<Pending, List<MutationResult>> attempt(List<Pending> batches, boolean oneByOne) throws SQLException {
        Map<Pending, List<MutationResult>> results = new IdentityHashMap<>();
        List<Mutation> mutations = new ArrayList<>();
        Set<GroupCache.ClientKey> clients = new LinkedHashSet<>();
        for (Pending batch : batches) {
            mutations.addAll(batch.mutations);
            if (batch.client != null) {
                clients.add(new GroupCache.ClientKey(batch.caller.userId(), batch.client.id()));
            }
        }
        db.inRevisionTransaction(raw -> {
            Connection c = connections.apply(raw);
            try (DeferredWrites writes = new DeferredWrites(c)) {
                writes.lockRevisions();
                GroupCache cache = GroupCache.load(c, writes, mutations, clients, db.postgres());
                for (Pending batch : batches) {
                    try {
                        results.put(batch, work.apply(cache, writes, batch));
                        if (oneByOne) {
                            writes.flush();
                        }
                    } catch (SQLException | RuntimeException e) {
                        throw new BatchFailed(batch, e);
                    }
                }
                if (!oneByOne) {
                    try {
                        writes.flush();
                    } catch (SQLException e) {
                        throw batches.size() > 1 ? new WritesFailed(e) : new BatchFailed(batches.get(0), e);
                    }
                }
            }
            return null;
        });
        return results;
    }

    /** A batch failed: the transaction is rolled back and the group's outcome decided again. */
    private static final class BatchFailed extends RuntimeException {
        final transient Pending batch;

        BatchFailed(Pending batch, Exception cause) {
            super(cause);
            this.batch = batch;
        }
    }

    /** The writes held back for several batches failed: which batch they came from is not known. */
    private static final class WritesFailed extends RuntimeException {
        WritesFailed(SQLException cause) {
            super(cause);
        }
    }
}

package ftop.sync.client;

import ftop.core.change.CacheChecksum;
import ftop.core.change.CacheChecksum.Digest;
import ftop.core.change.EntityKind;
import ftop.core.store.CacheSnapshot;
import ftop.core.store.LocalStore;
import ftop.core.store.RemoteRow;
import ftop.sync.protocol.CustomerRows;
import ftop.sync.protocol.RowChange;
import ftop.sync.protocol.ScopeChecksum;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache check: proves the workspace's server copies are what the server holds, and repairs
 * them where they are not.
 *
 * <p>The server's checksum of what the user may see at the workspace's cursor
 * ({@code GET /checksum}) is compared with one over the workspace's server copies ({@link
 * LocalStore#cacheSnapshot}), local edits left out. Customers the server calls unsettled (changed
 * after the cursor) are left out on both sides. When the checksums differ, the buckets of customers
 * that differ are asked for customer by customer, and each customer that differs is fetched whole
 * ({@code GET /customers/{tpid}/rows}) and its copies replaced ({@link LocalStore#repairCustomer}):
 * edits waiting in the outbox stay on top. A healthy S1500 cache costs two small answers and the
 * local checksum; only what differs is downloaded.
 *
 * <p>The outcome is kept in the workspace's settings ({@link #last}), for the status bar and the
 * diagnostics. After a sync the check runs when {@link #due}: never checked, or the last check
 * older than the interval (see the README for why 30 minutes).
 */
public final class CacheCheck {

    private static final Logger LOG = LoggerFactory.getLogger(CacheCheck.class);

    /** How often the check runs after a sync by default: it reads and hashes the whole cache. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(30);
    /** Setting: when the last check completed (ISO instant). */
    public static final String CHECKED_AT = "cache.checkedAt";
    /** Setting: the customers the last check repaired (TPIDs, comma-separated; empty when it found none). */
    public static final String REPAIRED = "cache.repaired";
    /** Setting: when a check last repaired something (ISO instant). */
    public static final String LAST_REPAIR_AT = "cache.lastRepairAt";
    /** Setting: the customers that repair was of (TPIDs, comma-separated). */
    public static final String LAST_REPAIRED = "cache.lastRepaired";

    /**
     * What a check found.
     *
     * @param at        when it completed
     * @param repaired  the customers whose copies differed and were repaired (empty: the cache matched)
     * @param rows      the rows the server counted
     * @param unsettled the customers left out, changed on the server after the workspace's cursor
     */
    public record Result(Instant at, List<Long> repaired, long rows, List<Long> unsettled) {

        public Result {
            repaired = List.copyOf(repaired);
            unsettled = List.copyOf(unsettled);
        }

        /** True when the cache matched the server. */
        public boolean verified() {
            return repaired.isEmpty();
        }
    }

    private final ServerApi api;
    private final LocalStore store;
    private final Clock clock;
    private volatile Duration interval = DEFAULT_INTERVAL;

    CacheCheck(ServerApi api, LocalStore store, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs the check after a sync at most this often; {@link Duration#ZERO} after every sync. */
    void interval(Duration every) {
        if (every.isNegative()) {
            throw new IllegalArgumentException("The interval cannot be negative: " + every);
        }
        interval = every;
    }

    /** True when the workspace was never checked, or its last check is at least the interval old. */
    boolean due() {
        Optional<Instant> checked = store.setting(CHECKED_AT).flatMap(ServerSession::instant);
        return checked.isEmpty() || !clock.instant().isBefore(checked.get().plus(interval));
    }

    /**
     * Checks the workspace against the server and repairs the customers that differ. Does nothing
     * (empty) while the workspace has synced nothing or syncs afresh.
     *
     * @throws SyncException as any call to the server; the repairs made before it are kept
     */
    Optional<Result> run(String token) throws SyncException {
        if (store.resyncing()) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        CacheSnapshot snapshot = store.cacheSnapshot();
        if (snapshot.cursor() == 0) {
            return Optional.empty();
        }
        CacheChecksum local = snapshot.checksum();
        ScopeChecksum server = api.checksum(token, snapshot.cursor(), List.of());
        server.unsettled().forEach(local::exclude);
        Set<Integer> buckets = differing(local.buckets(), bucketsOf(server));
        List<Long> repaired = new ArrayList<>();
        Set<Long> unsettled = new TreeSet<>(server.unsettled());
        if (!buckets.isEmpty()) {
            ScopeChecksum detail = api.checksum(token, snapshot.cursor(), buckets);
            // Customers may have changed between the two answers: those are left for next time.
            detail.unsettled().forEach(local::exclude);
            unsettled.addAll(detail.unsettled());
            SortedMap<Long, Digest> mine = new TreeMap<>();
            local.customers().forEach((tpid, digest) -> {
                if (buckets.contains(CacheChecksum.bucketOf(tpid))) {
                    mine.put(tpid, digest);
                }
            });
            Map<Long, Digest> theirs = new HashMap<>();
            detail.customers().forEach(c -> theirs.put(c.tpid(), new Digest(c.rows(), c.checksum())));
            for (long tpid : differing(mine, theirs)) {
                if (!unsettled.contains(tpid) && repair(token, tpid)) {
                    repaired.add(tpid);
                }
            }
        }
        Result result = new Result(clock.instant(), repaired, server.rows(), List.copyOf(unsettled));
        record(result);
        LOG.info("Cache check at revision {}: {} rows, {} in {} ms", snapshot.cursor(), server.rows(),
                repaired.isEmpty() ? "matches the server" : "repaired customers " + repaired,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return Optional.of(result);
    }

    /** Fetches customer {@code tpid} whole and replaces its copies; false when it is being changed right now. */
    private boolean repair(String token, long tpid) throws SyncException {
        CustomerRows rows;
        try {
            rows = api.customerRows(token, tpid);
        } catch (SyncException e) {
            if (e.code().filter("changing"::equals).isPresent()) {
                return false;
            }
            throw e;
        }
        List<RemoteRow> remote = new ArrayList<>(rows.rows().size());
        for (RowChange row : rows.rows()) {
            // ServerApi.customerRows has checked the kinds.
            remote.add(new RemoteRow(EntityKind.fromWireName(row.kind()).orElseThrow(), row.id(), row.tpid(),
                    row.revision(), row.body()));
        }
        int changed = store.repairCustomer(tpid, remote);
        LOG.warn("The workspace's copy of customer {} differed from the server's: {} rows repaired", tpid, changed);
        return true;
    }

    private void record(Result result) {
        String tpids = result.repaired().stream().map(String::valueOf).collect(Collectors.joining(","));
        store.putSetting(REPAIRED, tpids);
        store.putSetting(CHECKED_AT, result.at().toString());
        if (!result.verified()) {
            store.putSetting(LAST_REPAIRED, tpids);
            store.putSetting(LAST_REPAIR_AT, result.at().toString());
        }
    }

    /**
     * The outcome of the workspace's last check: when, and which customers it repaired (the rows and
     * unsettled customers are not kept: 0 and empty).
     */
    public static Optional<Result> last(LocalStore store) {
        return store.setting(CHECKED_AT).flatMap(ServerSession::instant)
                .map(at -> new Result(at, tpids(store.setting(REPAIRED).orElse("")), 0, List.of()));
    }

    /** When a check last repaired something, and which customers: kept until the next repair. */
    public static Optional<Result> lastRepair(LocalStore store) {
        return store.setting(LAST_REPAIR_AT).flatMap(ServerSession::instant)
                .map(at -> new Result(at, tpids(store.setting(LAST_REPAIRED).orElse("")), 0, List.of()));
    }

    private static List<Long> tpids(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(text.split(",")).map(String::trim).map(Long::valueOf).toList();
        } catch (NumberFormatException e) {
            return List.of();
        }
    }

    private static Map<Integer, Digest> bucketsOf(ScopeChecksum server) {
        Map<Integer, Digest> out = new HashMap<>();
        server.buckets().forEach(b -> out.put(b.bucket(), new Digest(b.rows(), b.checksum())));
        return out;
    }

    /** The keys whose digests differ, or that only one side has. */
    private static <K extends Comparable<K>> Set<K> differing(Map<K, Digest> mine, Map<K, Digest> theirs) {
        Set<K> out = new TreeSet<>();
        mine.forEach((key, digest) -> {
            if (!digest.equals(theirs.get(key))) {
                out.add(key);
            }
        });
        theirs.forEach((key, digest) -> {
            if (!mine.containsKey(key)) {
                out.add(key);
            }
        });
        return out;
    }
}

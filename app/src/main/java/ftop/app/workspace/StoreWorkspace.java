package ftop.app.workspace;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftop.core.assignment.Role;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.health.HealthRules;
import ftop.core.health.InvalidHealthRulesException;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.store.LocalStore;
import ftop.core.store.WorkspaceKeys;
import ftop.core.store.WorkspaceReads;
import ftop.core.store.WorkspaceWrites;
import ftop.core.store.OutboxEntry;

/**
 * The workspace of a profile, kept in its {@link LocalStore}. The demo profile is filled with the
 * demo workspace the first time it is opened.
 */
public final class StoreWorkspace implements Workspace {

    private static final Logger LOG = LoggerFactory.getLogger(StoreWorkspace.class);

    /** Setting: the sign-in name of the workspace's user. */
    public static final String USER_SETTING = "user";
    /** Setting: the health rules file the server handed out last, as JSON. */
    public static final String RULES_SETTING = "health.rules";
    /**
     * Setting: what filled the workspace, so that it stays what it is whatever a later start says:
     * {@link #DEMO_ORIGIN} for the demo data, {@code dataset:<scale>} for a generated set (e.g.
     * {@code dataset:S1500}). Absent in a workspace that only a server filled, or one from before.
     */
    public static final String ORIGIN_SETTING = "workspace.origin";
    /** {@link #ORIGIN_SETTING} of a workspace filled with the demo data, by its loader or its embedded server. */
    public static final String DEMO_ORIGIN = "demo";
    /** {@link #ORIGIN_SETTING} prefix of a workspace filled with a generated set. */
    public static final String DATASET_ORIGIN = "dataset:";
    /** The server revision the demo rows are loaded at. */
    static final long DEMO_REVISION = 1;

    private final String profile;
    private final LocalStore store;
    /** Changes on a new sign-in; read by background reads and the FX thread alike. */
    private volatile String userId;
    private final HealthRules rules;

    private StoreWorkspace(String profile, LocalStore store, String userId, HealthRules rules) {
        this.profile = profile;
        this.store = store;
        this.userId = userId;
        this.rules = rules;
    }

    /**
     * Opens the profile's store (in {@code directory}, or the profile's default directory), creating
     * the demo workspace in it when the profile is {@code demo} and the store holds no customers.
     *
     * @throws ftop.core.store.StoreException with a message for people, e.g. when the workspace is
     *                                        open in another window
     */
    public static StoreWorkspace open(String profile, Optional<Path> directory, LocalDate today) {
        return open(profile, directory, today, Clock.systemDefaultZone());
    }

    /** As {@link #open(String, Optional, LocalDate)}, with the store's clock pinned (for tests). */
    public static StoreWorkspace open(String profile, Optional<Path> directory, LocalDate today, Clock clock) {
        return open(profile, directory, today, clock, Optional.empty());
    }

    /**
     * As {@link #open(String, Optional, LocalDate, Clock)}; with {@code keys} the store is encrypted
     * at rest with the key they keep for it (see {@link LocalStore#open(Path, Clock, WorkspaceKeys)}).
     */
    public static StoreWorkspace open(String profile, Optional<Path> directory, LocalDate today, Clock clock,
            Optional<WorkspaceKeys> keys) {
        Objects.requireNonNull(profile, "profile");
        Path dir = directory.orElseGet(() -> LocalStore.defaultDirectory(profile));
        LocalStore store = keys.isPresent() ? LocalStore.open(dir, clock, keys.get()) : LocalStore.open(dir, clock);
        try {
            if (isDemo(profile) && store.customers().count() == 0) {
                store.bulkLoad(DatasetGenerator.demo(today), DEMO_REVISION);
                store.putSetting(USER_SETTING, DemoUsers.DEMO_USER);
                store.putSetting(ORIGIN_SETTING, DEMO_ORIGIN);
            }
            String user = store.setting(USER_SETTING).orElse(isDemo(profile) ? DemoUsers.DEMO_USER : "");
            return new StoreWorkspace(profile, store, user, rulesOf(store));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The workspace of a store already open (e.g. one the demo's first sync just filled); the user
     * and rules are read from its settings. The workspace owns the store from now on.
     */
    public static StoreWorkspace attach(String profile, LocalStore store) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(store, "store");
        String user = store.setting(USER_SETTING).orElse(isDemo(profile) ? DemoUsers.DEMO_USER : "");
        return new StoreWorkspace(profile, store, user, rulesOf(store));
    }

    /** The seed of the generated sets the app loads with {@code --dataset}, so every run shows the same rows. */
    public static final long GENERATED_SEED = 1500;

    /**
     * Opens the profile's store, filling it with a generated set of {@code scale} when it holds no
     * customers yet. The workspace's user becomes the FastTrack Manager with the most assignments,
     * so that "mine only" shows a realistic portfolio.
     */
    public static StoreWorkspace openGenerated(String profile, Optional<Path> directory, LocalDate today,
            DatasetGenerator.Scale scale) {
        Objects.requireNonNull(scale, "scale");
        Path dir = directory.orElseGet(() -> LocalStore.defaultDirectory(profile));
        LocalStore store = LocalStore.open(dir);
        try {
            if (store.customers().count() == 0) {
                Dataset data = DatasetGenerator.generate(scale, GENERATED_SEED, today);
                store.bulkLoad(data, DEMO_REVISION);
                busiestManager(data).ifPresent(user -> store.putSetting(USER_SETTING, user));
                store.putSetting(ORIGIN_SETTING, DATASET_ORIGIN + scale.name());
            }
            String user = store.setting(USER_SETTING).orElse("");
            return new StoreWorkspace(profile, store, user, rulesOf(store));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static Optional<String> busiestManager(Dataset data) {
        Map<String, Long> counts = data.assignments().stream()
                .filter(a -> a.role() == Role.FM)
                .collect(Collectors.groupingBy(a -> a.userId(), Collectors.counting()));
        return counts.entrySet().stream()
                // most assignments; on a tie the first name in alphabetical order, so every run picks the same
                .max(Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue())
                        .thenComparing(e -> e.getKey(), Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
    }

    private static boolean isDemo(String profile) {
        return "demo".equals(profile);
    }

    /** The rules the server handed out, or the shipped ones when there are none (or they are broken). */
    private static HealthRules rulesOf(LocalStore store) {
        Optional<String> json = store.setting(RULES_SETTING);
        if (json.isEmpty()) {
            return HealthRules.defaults();
        }
        try {
            return HealthRules.parse(json.get());
        } catch (InvalidHealthRulesException e) {
            LOG.warn("The stored health rules are invalid; using the shipped rules", e);
            return HealthRules.defaults();
        }
    }

    /** The store itself, for wiring sync to it; features use {@link #reads()} and {@link #writes()}. */
    public LocalStore store() {
        return store;
    }

    @Override
    public WorkspaceReads reads() {
        return store;
    }

    @Override
    public WorkspaceWrites writes() {
        return store;
    }

    @Override
    public String profile() {
        return profile;
    }

    @Override
    public String location() {
        return store.directory().toString();
    }

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public void signedIn(String userId) {
        this.userId = Objects.requireNonNull(userId, "userId");
    }

    @Override
    public HealthRules rules() {
        return rules;
    }

    @Override
    public Map<Long, UnsyncedEdits> unsyncedEdits() {
        Map<Long, int[]> counts = new HashMap<>();
        for (OutboxEntry entry : store.pendingEdits()) {
            tpidOf(entry.mutation()).ifPresent(tpid -> counts.computeIfAbsent(tpid, k -> new int[2])[0]++);
        }
        for (OutboxEntry entry : store.problems()) {
            tpidOf(entry.mutation()).ifPresent(tpid -> counts.computeIfAbsent(tpid, k -> new int[2])[1]++);
        }
        Map<Long, UnsyncedEdits> result = new HashMap<>();
        counts.forEach((tpid, c) -> result.put(tpid, new UnsyncedEdits(c[0], c[1])));
        return result;
    }

    /**
     * The customer an edit belongs to: the TPID of the row it edits as the store holds it now, or,
     * for a row that is gone (a delete), the TPID the edit itself carries. Edits of no customer (the
     * directory of people) have none.
     */
    private Optional<Long> tpidOf(Mutation mutation) {
        EntityKind kind = mutation.kind();
        if (kind == EntityKind.USER) {
            return Optional.empty();
        }
        if (kind == EntityKind.CUSTOMER || kind == EntityKind.HEALTH) {
            try {
                return Optional.of(Long.parseLong(mutation.entityId()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        Optional<Long> held = store.repository(kind.type()).get(mutation.entityId()).map(kind::tpidOf);
        if (held.isPresent()) {
            return held;
        }
        com.fasterxml.jackson.databind.JsonNode tpid = mutation.fields().get("tpid");
        return tpid != null && tpid.canConvertToLong() && tpid.asLong() > 0 ? Optional.of(tpid.asLong())
                : Optional.empty();
    }

    @Override
    public void close() {
        store.close();
    }
}

package ftop.core.store;

import ftop.core.change.EntityKind;
import ftop.core.change.FieldChange;
import ftop.core.change.Mutation;
import ftop.core.dataset.Dataset;
import ftop.core.search.SearchResults;
import ftop.core.validation.ValidationContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The client's workspace: an H2 file database with every row the user may see, the user's edits
 * and the outbox. See the {@linkplain ftop.core.store package description} for the model of
 * server copy and local view.
 *
 * <p>Screens see it through its two ports, {@link WorkspaceReads} and {@link WorkspaceWrites}; the
 * sync client uses the rest (the outbox, pulled pages, the cursor). The work is done by one class
 * per job: {@link StoreDatabase} (opening, locking, transactions), {@link EntityRows} (the rows),
 * {@link LocalView} (deriving the local view), {@link LocalEdits} (the user's edits),
 * {@link ServerCopies} (sync state), {@link Settings}, {@link HistoryTable} and {@link SearchIndex}.
 *
 * <p>One workspace folder is open in one {@code LocalStore} at a time, across processes and within
 * one process; a second {@link #open(Path)} fails with a message a person understands. All methods
 * are thread-safe: writes are serialised on one connection, reads run on another and see the last
 * committed state without waiting for a write. Writes are single transactions: when a write
 * throws, nothing changed. Listeners hear of a write after it committed, with its
 * {@linkplain StoreChange.Origin origin}.
 */
public final class LocalStore implements WorkspaceWrites, AutoCloseable {

    /** What a person reads when the workspace is open in another window or process. */
    public static final String ALREADY_OPEN_MESSAGE =
            "This workspace is already open in another FTOP window. Close that window first, or choose another workspace.";

    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final StoreDatabase db;
    private final Map<EntityKind, StoreRepository<?>> repositories = new EnumMap<>(EntityKind.class);
    private final HistoryTable historyTable;
    private final LocalOutbox outbox;
    private final LocalEdits edits;
    private final ServerCopies serverCopies;
    private final ServerCopyRepair copyRepair;
    private final Settings settings;
    private final Secrets secrets;
    private final Drafts drafts;
    private final SearchIndex searchIndex;
    private final ViewSnapshots snapshots;

    private LocalStore(StoreDatabase db, Clock clock) {
        this.db = db;
        EntityRows rows = new EntityRows(db);
        OutboxTable outboxTable = new OutboxTable(db);
        LocalView view = new LocalView(db, rows, outboxTable);
        for (EntityKind kind : EntityKind.values()) {
            repositories.put(kind, new StoreRepository<>(db, rows, kind));
        }
        this.historyTable = new HistoryTable(db);
        this.outbox = new LocalOutbox(db, rows, view, outboxTable);
        this.edits = new LocalEdits(db, rows, view, outboxTable, clock, this::validationContext);
        this.serverCopies = new ServerCopies(db, rows, view, outboxTable, historyTable);
        this.copyRepair = new ServerCopyRepair(db, view, outboxTable);
        this.settings = new Settings(db);
        this.secrets = new Secrets(settings, db.key());
        this.drafts = new Drafts(db);
        this.searchIndex = new SearchIndex(db);
        this.snapshots = new ViewSnapshots(db, clock);
        // a workspace with rows and no current index (one from before the index, or a new way of
        // cutting words) is opened at once; buildSearchIndexIfMissing makes the index afterwards
        if (!searchIndex.current() && !db.read(() -> searchIndex.anyRowToIndex())) {
            searchIndex.rebuildIfMissing();
        }
    }

    /**
     * Opens the workspace in {@code directory}, creating the folder and the database when needed
     * and bringing its schema up to date. "Today" for validation and edit times come from the
     * system clock.
     *
     * @throws StoreException when the workspace is open elsewhere ({@link #ALREADY_OPEN_MESSAGE}),
     *                        the folder cannot be created or the database cannot be read
     */
    public static LocalStore open(Path directory) {
        return open(directory, Clock.systemDefaultZone());
    }

    /**
     * Opens the workspace in {@code directory} with {@code clock} deciding what "today" and "now"
     * are (for validation and for the time of edits). Tests pin the clock.
     *
     * @see #open(Path)
     */
    public static LocalStore open(Path directory, Clock clock) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(clock, "clock");
        return new LocalStore(StoreDatabase.open(directory.toAbsolutePath().normalize(), null), clock);
    }

    /**
     * Opens the workspace in {@code directory} encrypted at rest with the key {@code keys} keep for
     * it (in H2's {@code CIPHER=AES} file format, see {@link EncryptedFilePath}): a new workspace is given a new key, and a plain one from an
     * earlier version is encrypted first, keeping everything in it (pending edits, drafts,
     * settings). The desktop opens its workspaces this way; {@link #open(Path, Clock)} opens plain
     * ones, for tools and tests, and refuses an encrypted one.
     *
     * @throws StoreException as {@link #open(Path)}, and when the key cannot be had or does not
     *                        fit; nothing is changed then
     */
    public static LocalStore open(Path directory, Clock clock, WorkspaceKeys keys) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(keys, "keys");
        return new LocalStore(StoreDatabase.open(directory.toAbsolutePath().normalize(), keys), clock);
    }

    /** Whether the workspace's file is encrypted. */
    public boolean encrypted() {
        return db.key().isPresent();
    }

    /**
     * Where the workspace of {@code profile} lives: {@code $FTOP_HOME/<profile>} when the
     * environment variable {@code FTOP_HOME} is set, else {@code ~/.ftop/<profile>}.
     *
     * @throws IllegalArgumentException when the profile name is not a plain folder name
     */
    public static Path defaultDirectory(String profile) {
        if (profile == null || !PROFILE.matcher(profile).matches()) {
            throw new IllegalArgumentException("A profile name is 1 to 64 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit; \"" + profile + "\" is not.");
        }
        String home = System.getenv("FTOP_HOME");
        Path base = home != null && !home.isBlank()
                ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".ftop");
        return base.resolve(profile);
    }

    @Override
    public Path directory() {
        return db.directory();
    }

    /** The JDBC URL of the database, for tests that need to reach under the store. */
    String jdbcUrl() {
        return db.jdbcUrl();
    }

    /** The database itself, for tests and benchmarks of this package. */
    StoreDatabase database() {
        return db;
    }

    // ------------------------------------------------------------------ reads

    @Override
    @SuppressWarnings("unchecked")
    public <T> Repository<T> repository(Class<T> type) {
        for (EntityKind kind : EntityKind.values()) {
            if (kind.type().equals(type)) {
                return (Repository<T>) repositories.get(kind);
            }
        }
        throw new IllegalArgumentException("The store keeps no rows of type " + type.getName());
    }

    @Override
    public ValidationContext validationContext(LocalDate today) {
        return new StoreValidationContext(this, today);
    }

    @Override
    public CustomerHistory history(long tpid) {
        return db.read(() -> historyTable.read(tpid));
    }

    @Override
    public SearchResults search(String query, int perKind) {
        return db.read(() -> searchIndex.search(query, perKind));
    }

    @Override
    public boolean searchIndexReady() {
        return searchIndex.current();
    }

    @Override
    public List<RemoteChange> changesByOthers(String userId, Instant since) {
        return serverCopies.changesByOthers(userId, since);
    }

    @Override
    public Optional<String> viewSnapshot(String name) {
        return snapshots.get(name);
    }

    @Override
    public Optional<String> setting(String key) {
        return settings.get(key);
    }

    @Override
    public List<OutboxEntry> pendingEdits() {
        return outbox.pending(Integer.MAX_VALUE);
    }

    @Override
    public int pendingCount() {
        return outbox.pendingCount();
    }

    @Override
    public List<OutboxEntry> problems() {
        return outbox.problems();
    }

    /** The outbox of edits waiting for the server, as the sync client works it. */
    public Outbox outbox() {
        return outbox;
    }

    // ------------------------------------------------------------------ edits

    /**
     * Saves a row the user edited or created: validates it, then writes the local view and one
     * outbox entry holding the fields that differ from the current local view (every field for a
     * new row), in one transaction.
     *
     * <p>When nothing differs, nothing is written and the returned mutation has no fields and is
     * not in the outbox: callers can test {@code mutation.fields().isEmpty()}.
     *
     * @return the queued mutation
     * @throws IllegalArgumentException when {@code entity} is not a kind of row the store keeps
     * @throws ValidationException when the row breaks a rule; nothing was written
     * @throws StoreException      when the database fails; nothing was written
     */
    @Override
    public Mutation save(Object entity) {
        return edits.save(entity);
    }

    /**
     * Deletes a row locally and queues the delete for the server, in one transaction.
     *
     * @throws StoreException when the local view has no such row; nothing was written
     */
    @Override
    public Mutation delete(EntityKind kind, String id) {
        return edits.delete(kind, id);
    }

    /**
     * Saves and deletes several rows as one edit: either all of it is written or none. Each row is
     * validated against the store as it stands after the rows before it, so a new customer and its
     * contacts can be saved together. Deletes come after the saves.
     *
     * @return the queued mutations, in order; unchanged rows give none
     * @throws ValidationException with the problems of every row that breaks a rule; nothing was written
     * @throws StoreException      when the database fails or a row to delete does not exist; nothing was written
     */
    @Override
    public List<Mutation> saveAll(List<?> saves, List<RowRef> deletes) {
        return edits.saveAll(saves, deletes);
    }

    @Override
    public void keepMine(UUID mutationId) {
        outbox.keepMine(mutationId);
    }

    @Override
    public void takeTheirs(UUID mutationId) {
        outbox.takeTheirs(mutationId);
    }

    @Override
    public void discard(UUID mutationId) {
        outbox.discard(mutationId);
    }

    @Override
    public void putSetting(String key, String value) {
        settings.put(key, value);
    }

    @Override
    public void removeSetting(String key) {
        settings.remove(key);
    }

    @Override
    public void putViewSnapshot(String name, String body) {
        snapshots.put(name, body);
    }

    @Override
    public boolean buildSearchIndexIfMissing() {
        return searchIndex.rebuildIfMissing();
    }

    /**
     * Keeps a secret (a session or refresh token): in an encrypted workspace it is sealed with a
     * key derived from the workspace key before it reaches the database, so it is never there in
     * plain text; {@link #removeSetting} removes it.
     */
    public void putSecret(String key, String value) {
        secrets.put(key, value);
    }

    /** The secret kept by {@link #putSecret}; empty when there is none, or it does not open. */
    public Optional<String> secret(String key) {
        return secrets.get(key);
    }

    @Override
    public Drafts drafts() {
        return drafts;
    }

    // ------------------------------------------------------------------ sync

    /**
     * Replaces every row with {@code data}, as the server copy at {@code revision}, and sets the
     * pull cursor to {@code revision}. No outbox entries are written; edits already in the outbox
     * stay and stay visible on top of the new rows. One transaction, batched inserts.
     *
     * @throws StoreException when the data holds two rows with one id; nothing changed
     */
    public void bulkLoad(Dataset data, long revision) {
        serverCopies.bulkLoad(data, revision);
    }

    /**
     * Applies one page of a pull in one transaction: customers in {@code droppedTpids} leave the
     * cache, then each row's server copy is replaced (or removed for a deleted row) unless the store
     * already holds a newer revision, and the cursor moves to {@code newCursor}. A row with edits in
     * the outbox keeps them on top: a pull never loses a local edit. Outbox entries of dropped
     * customers stay in the outbox, so the server answers them rather than them vanishing.
     *
     * @throws StoreException when a row cannot be read; nothing changed
     */
    public void applyPull(List<RemoteRow> rows, Set<Long> droppedTpids, long newCursor) {
        serverCopies.applyPull(rows, droppedTpids, newCursor);
    }

    /**
     * A checksum of the server copies (not the local edits on top), computed as the server computes
     * its own for the cache check ({@link ftop.core.change.CacheChecksum}), with the cursor they are
     * complete up to.
     */
    public CacheSnapshot cacheSnapshot() {
        return copyRepair.snapshot();
    }

    /**
     * Repairs customer {@code tpid} whose server copies differ from the server's: in one
     * transaction its copies become exactly {@code rows} (the server's rows of it, whatever
     * revisions the workspace held), and copies the server no longer has go. The outbox is untouched
     * and every edit in it stays on top; the cursor does not move.
     *
     * @return how many rows were written, replaced or removed
     * @throws StoreException when a row cannot be read; nothing changed
     */
    public int repairCustomer(long tpid, List<RemoteRow> rows) {
        return copyRepair.repair(tpid, rows);
    }

    /** Where the next pull starts: the server revision the cache is complete up to. */
    public long cursor() {
        return serverCopies.cursor();
    }

    /** The id of the server database the cursor belongs to; empty before the first page from a server that says. */
    public Optional<String> serverId() {
        return serverCopies.serverId();
    }

    /** Records the server database the cursor belongs to, without touching any row. */
    public void adoptServerId(String serverId) {
        serverCopies.adoptServerId(serverId);
    }

    /** True from {@link #beginResync} until {@link #finishResync}: a fresh pull from revision 0 is under way. */
    public boolean resyncing() {
        return serverCopies.resyncing();
    }

    /**
     * Starts syncing afresh from {@code serverId}, whose history is not the one the cursor came from
     * (a reset or restored database, or another server). In one transaction: the cursor goes back to
     * 0, every server copy is marked as unconfirmed (revision 0) so the fresh pull replaces it whatever
     * its new revision, and the cached field histories go. The rows stay visible meanwhile, and the
     * outbox is untouched: every unsynced edit is kept and sent again.
     *
     * @param serverId the new server's id; null when not known yet (the first page brings it)
     */
    public void beginResync(String serverId) {
        serverCopies.beginResync(serverId);
    }

    /**
     * Ends a fresh sync once its pull is complete: server copies the pull did not confirm are rows
     * the server no longer has, and go. A row with edits in the outbox keeps them on top (a creation
     * stays as the user's new row). Nothing happens when no fresh sync is under way.
     *
     * @return how many rows the server no longer had
     */
    public int finishResync() {
        return serverCopies.finishResync();
    }

    /** The server revision of the row's server copy; 0 when the server has not seen the row. */
    public long revisionOf(EntityKind kind, String id) {
        return serverCopies.revisionOf(kind, id);
    }

    /**
     * Keeps newly fetched history entries of the customer {@code tpid} in one transaction, with the
     * revision the history is now complete up to (it never moves back) and the time of the fetch.
     * An entry already kept is kept once. Listeners are not told: history is not a row of the
     * workspace and changes nothing a person edits.
     */
    public void addHistory(long tpid, List<FieldChange> entries, long lastRevision, Instant fetchedAt) {
        List<FieldChange> fresh = List.copyOf(entries);
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        db.write(StoreChange.Origin.SYNC, touched -> {
            long kept = historyTable.read(tpid).lastRevision();
            historyTable.add(tpid, fresh, Math.max(kept, lastRevision), OffsetDateTime.ofInstant(fetchedAt, ZoneOffset.UTC));
            return null;
        });
    }

    // ------------------------------------------------------------------ listeners

    @Override
    public void addListener(StoreListener listener) {
        db.addListener(listener);
    }

    @Override
    public void removeListener(StoreListener listener) {
        db.removeListener(listener);
    }

    /** Closes the database and releases the workspace for another window. Safe to call twice. */
    @Override
    public void close() {
        db.close();
    }
}

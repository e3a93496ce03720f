package ftop.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import ftop.core.assignment.Assignment;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.change.FieldChange;
import ftop.core.change.InvalidFieldsException;
import ftop.core.change.Mutation;
import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.health.CustomerHealth;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import ftop.core.usage.Forecast;
import ftop.core.usage.WorkloadUsage;
import ftop.core.user.User;
import ftop.core.validation.CachingValidationContext;
import ftop.core.validation.Problem;
import ftop.core.validation.ValidationContext;
import ftop.core.validation.Validator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's workspace: an H2 file database with every row the user may see, the user's edits
 * and the outbox. See the {@linkplain ftop.core.store package description} for the model of
 * server copy and local view.
 *
 * <p>One workspace folder is open in one {@code LocalStore} at a time, across processes and within
 * one process; a second {@link #open(Path)} fails with a message a person understands. All methods
 * are thread-safe: the store serialises its work on one connection. Writes are single
 * transactions: when a write throws, nothing changed. Listeners hear of a write after it committed.
 */
public final class LocalStore implements AutoCloseable {

    /** What a person reads when the workspace is open in another window or process. */
    public static final String ALREADY_OPEN_MESSAGE =
            "This workspace is already open in another FTOP window. Close that window first, or choose another workspace.";

    private static final Logger LOG = LoggerFactory.getLogger(LocalStore.class);
    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int BATCH = 1000;

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Connection connection;
    private final String jdbcUrl;
    private final Clock clock;
    private final Object monitor = new Object();
    private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<EntityKind, StoreRepository<?>> repositories = new EnumMap<>(EntityKind.class);
    private final OutboxTable outboxTable;
    private final LocalOutbox outbox;
    private final HistoryTable historyTable;
    private final Drafts drafts;
    private boolean inWrite;
    private boolean closed;

    private LocalStore(Path directory, FileChannel lockChannel, FileLock lock, Connection connection, String jdbcUrl,
                       Clock clock) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.connection = connection;
        this.jdbcUrl = jdbcUrl;
        this.clock = clock;
        for (EntityKind kind : EntityKind.values()) {
            repositories.put(kind, new StoreRepository<>(this, kind));
        }
        this.outboxTable = new OutboxTable(connection);
        this.outbox = new LocalOutbox(this, outboxTable);
        this.historyTable = new HistoryTable(connection);
        this.drafts = new Drafts(this, connection);
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
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException("Cannot use " + dir + " as a workspace: it is a file, not a folder.", e);
        } catch (IOException e) {
            throw new StoreException("Cannot create the workspace folder " + dir + ": " + e.getMessage(), e);
        }
        FileChannel channel = null;
        FileLock fileLock = null;
        Connection connection = null;
        try {
            // H2 without AUTO_SERVER refuses a second process, but a second open in the same JVM
            // would silently share the database; our own lock file catches both cases.
            channel = FileChannel.open(dir.resolve("ftop.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                fileLock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                fileLock = null;
            }
            if (fileLock == null) {
                throw new StoreException(ALREADY_OPEN_MESSAGE);
            }
            // retry: the UI cancels background work by interrupting threads, and an interrupt during
            // file I/O would otherwise close the database for good.
            // WRITE_DELAY=0: a commit reaches the file before save() returns, so an edit survives the
            // process being killed right after (H2 otherwise writes up to half a second later).
            // DB_CLOSE_ON_EXIT=FALSE: when the process is asked to end (a session logout), H2 does not
            // close the database under the owner's own shutdown work (the app keeps unsaved drafts
            // then, and closes the store itself); a store nobody closes is left as after a crash.
            String url = "jdbc:h2:retry:" + dir.resolve("ftop") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL(url);
            dataSource.setUser("sa");
            dataSource.setPassword("");
            connection = dataSource.getConnection();
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/local")
                    .load()
                    .migrate();
            connection.setAutoCommit(false);
            return new LocalStore(dir, channel, fileLock, connection, url, clock);
        } catch (StoreException e) {
            closeQuietly(connection, fileLock, channel);
            throw e;
        } catch (SQLException e) {
            closeQuietly(connection, fileLock, channel);
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new StoreException(ALREADY_OPEN_MESSAGE, e);
            }
            throw new StoreException("Cannot open the workspace in " + dir + ": " + e.getMessage(), e);
        } catch (FlywayException e) {
            closeQuietly(connection, fileLock, channel);
            throw new StoreException("Cannot prepare the workspace database in " + dir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(connection, fileLock, channel);
            throw new StoreException("Cannot open the workspace in " + dir + ": " + e.getMessage(), e);
        }
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

    /** The workspace folder. */
    public Path directory() {
        return directory;
    }

    /** The JDBC URL of the database, for tests that need to reach under the store. */
    String jdbcUrl() {
        return jdbcUrl;
    }

    // ------------------------------------------------------------------ repositories

    /**
     * The repository of the rows of {@code type}, one of the record classes of {@link EntityKind}.
     *
     * @throws IllegalArgumentException when {@code type} is not a kind of row the store keeps
     */
    @SuppressWarnings("unchecked")
    public <T> Repository<T> repository(Class<T> type) {
        for (EntityKind kind : EntityKind.values()) {
            if (kind.type().equals(type)) {
                return (Repository<T>) repositories.get(kind);
            }
        }
        throw new IllegalArgumentException("The store keeps no rows of type " + type.getName());
    }

    /** Customers, by TPID as text. */
    public Repository<Customer> customers() {
        return repository(Customer.class);
    }

    /** Tenants, by tenant id (GUID text). */
    public Repository<Tenant> tenants() {
        return repository(Tenant.class);
    }

    /** Customer health records, one per customer, by TPID as text. */
    public Repository<CustomerHealth> health() {
        return repository(CustomerHealth.class);
    }

    /** Enterprise Status notes, by note id. */
    public Repository<EnterpriseStatusNote> notes() {
        return repository(EnterpriseStatusNote.class);
    }

    /** Customer and Microsoft contacts, by contact id. */
    public Repository<Contact> contacts() {
        return repository(Contact.class);
    }

    /** Assignments, by assignment id. */
    public Repository<Assignment> assignments() {
        return repository(Assignment.class);
    }

    /** Workload usage, one row per customer and workload. */
    public Repository<WorkloadUsage> usage() {
        return repository(WorkloadUsage.class);
    }

    /** Forecasts, one row per customer, workload and quarter. */
    public Repository<Forecast> forecasts() {
        return repository(Forecast.class);
    }

    /** The directory of users, by user id; their TPID is 0. */
    public Repository<User> users() {
        return repository(User.class);
    }

    /**
     * What validation may know, answered from the local view of this store.
     *
     * @param today the day date rules are judged on
     */
    public ValidationContext validationContext(LocalDate today) {
        return new StoreValidationContext(this, today);
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
    public Mutation save(Object entity) {
        Objects.requireNonNull(entity, "entity");
        return write(touched -> {
            List<Problem> problems = new ArrayList<>();
            Mutation mutation = saveInTransaction(entity, validationContext(LocalDate.now(clock)), problems, touched);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            return mutation;
        });
    }

    /**
     * Deletes a row locally and queues the delete for the server, in one transaction.
     *
     * @throws StoreException when the local view has no such row; nothing was written
     */
    public Mutation delete(EntityKind kind, String id) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        return write(touched -> deleteInTransaction(kind, id, touched));
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
    public List<Mutation> saveAll(List<?> saves, List<RowRef> deletes) {
        List<?> toSave = List.copyOf(saves);
        List<RowRef> toDelete = List.copyOf(deletes);
        return write(touched -> {
            List<Problem> problems = new ArrayList<>();
            List<Mutation> mutations = new ArrayList<>();
            // One context for the whole batch: rows of a batch mostly point at the same users,
            // customers and tenants, which are then read and parsed once instead of once per row.
            CachingValidationContext context = new CachingValidationContext(validationContext(LocalDate.now(clock)));
            for (Object entity : toSave) {
                Mutation mutation = saveInTransaction(entity, context, problems, touched);
                if (!mutation.fields().isEmpty()) {
                    mutations.add(mutation);
                    context.written(entity);
                }
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            for (RowRef ref : toDelete) {
                mutations.add(deleteInTransaction(ref.kind(), ref.id(), touched));
            }
            return mutations;
        });
    }

    /** The outbox of edits waiting for the server. */
    public Outbox outbox() {
        return outbox;
    }

    private Mutation saveInTransaction(Object entity, ValidationContext context, List<Problem> problems,
                                       Set<EntityKind> touched) throws SQLException {
        EntityKind kind = EntityKind.of(entity);
        String id = kind.idOf(entity);
        List<Problem> found = Validator.validate(entity, context);
        StoredRow row = storedRow(kind, id);
        long base = row == null ? 0 : row.serverRevision();
        if (!found.isEmpty()) {
            problems.addAll(found);
            return new Mutation(UUID.randomUUID(), kind, id, base, Mutation.Op.UPSERT, Map.of(), clock.instant());
        }
        Object current = row == null ? null : row.visible(kind);
        Map<String, JsonNode> changed = EntityCodec.diff(current, entity);
        Mutation mutation = new Mutation(UUID.randomUUID(), kind, id, base, Mutation.Op.UPSERT, changed, clock.instant());
        if (changed.isEmpty()) {
            return mutation;
        }
        List<OutboxEntry> earlier = outboxTable.entriesFor(kind, id);
        if (earlier.stream().allMatch(entry -> entry.state() == OutboxState.PENDING)) {
            // The local view is the server copy with the pending edits laid over it, and this
            // edit holds every field where the saved row differs from that view: laying it on
            // top gives the saved row itself. No need to replay the outbox. (Conflicting or
            // refused edits take the replay below: they are narrowed first and show partly.)
            outboxTable.insert(mutation);
            writeView(kind, id, row, entity);
            touched.add(kind);
            return mutation;
        }
        if (row != null && row.serverBody() != null) {
            // Only over a server copy: a refused creation must keep every field to make its row.
            supersedeProblems(earlier, changed.keySet());
        }
        outboxTable.insert(mutation);
        refreshView(kind, id);
        touched.add(kind);
        return mutation;
    }

    /**
     * A new edit of a field settles that field in older conflicting or refused edits of the row:
     * the user decided again, on top of what the screen showed. Without this, "keep mine" on the
     * old edit would later overwrite the newer value.
     */
    private void supersedeProblems(List<OutboxEntry> entries, Set<String> fields) throws SQLException {
        for (OutboxEntry entry : entries) {
            if (entry.state() == OutboxState.PENDING || entry.mutation().op() != Mutation.Op.UPSERT
                    || Collections.disjoint(entry.mutation().fields().keySet(), fields)) {
                continue;
            }
            Map<String, JsonNode> rest = new TreeMap<>(entry.mutation().fields());
            rest.keySet().removeAll(fields);
            if (rest.isEmpty()) {
                outboxTable.delete(entry.mutation().id());
            } else {
                List<ConflictField> conflicts = entry.conflicts().stream()
                        .filter(conflict -> !fields.contains(conflict.field()))
                        .toList();
                outboxTable.narrow(entry.seq(), rest, conflicts);
            }
        }
    }

    private Mutation deleteInTransaction(EntityKind kind, String id, Set<EntityKind> touched) throws SQLException {
        StoredRow row = storedRow(kind, id);
        if (row == null || row.visibleBody() == null) {
            throw new StoreException("There is no " + kind.wireName() + " \"" + id + "\" to delete.");
        }
        Mutation mutation = new Mutation(UUID.randomUUID(), kind, id, row.serverRevision(), Mutation.Op.DELETE,
                Map.of(), clock.instant());
        outboxTable.insert(mutation);
        refreshView(kind, id);
        touched.add(kind);
        return mutation;
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
        Objects.requireNonNull(data, "data");
        write(touched -> {
            try (Statement clear = connection.createStatement()) {
                clear.executeUpdate("DELETE FROM entity_row");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO entity_row (kind, id, tpid, server_revision, server_body, local_body, local_deleted) "
                            + "VALUES (?, ?, ?, ?, ?, NULL, FALSE)")) {
                int inBatch = 0;
                for (Map.Entry<EntityKind, List<?>> rows : data.byKind().entrySet()) {
                    EntityKind kind = rows.getKey();
                    // In key order the primary key index only ever grows at its end: faster inserts.
                    List<Object> sorted = new ArrayList<>(rows.getValue());
                    sorted.sort(Comparator.comparing(kind::idOf));
                    for (Object entity : sorted) {
                        insert.setString(1, kind.wireName());
                        insert.setString(2, kind.idOf(entity));
                        insert.setLong(3, kind.tpidOf(entity));
                        insert.setLong(4, revision);
                        insert.setString(5, EntityCodec.toJson(entity));
                        insert.addBatch();
                        if (++inBatch == BATCH) {
                            insert.executeBatch();
                            inBatch = 0;
                        }
                    }
                }
                if (inBatch > 0) {
                    insert.executeBatch();
                }
            }
            for (RowRef ref : outboxTable.rowsWithEntries()) {
                refreshView(ref.kind(), ref.id());
            }
            setCursor(revision);
            touched.addAll(EnumSet.allOf(EntityKind.class));
            return null;
        });
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
        List<RemoteRow> page = List.copyOf(rows);
        Set<Long> dropped = Set.copyOf(droppedTpids);
        write(touched -> {
            if (!dropped.isEmpty()) {
                try (PreparedStatement drop = connection.prepareStatement(
                        "DELETE FROM entity_row WHERE kind = ? AND tpid = ?")) {
                    for (long tpid : dropped) {
                        for (EntityKind kind : EntityKind.values()) {
                            drop.setString(1, kind.wireName());
                            drop.setLong(2, tpid);
                            drop.addBatch();
                        }
                    }
                    drop.executeBatch();
                }
                for (long tpid : dropped) {
                    historyTable.drop(tpid);
                }
                touched.addAll(EnumSet.complementOf(EnumSet.of(EntityKind.USER)));
            }
            Set<RowRef> withEdits = outboxTable.rowsWithEntries();
            List<RowRef> toRefresh = new ArrayList<>();
            try (PreparedStatement merge = connection.prepareStatement(
                    "MERGE INTO entity_row t USING (VALUES (CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(200)), "
                            + "CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS CHARACTER VARYING))) "
                            + "AS s(kind, id, tpid, rev, body) ON t.kind = s.kind AND t.id = s.id "
                            + "WHEN MATCHED AND t.server_revision <= s.rev THEN UPDATE SET tpid = s.tpid, "
                            + "server_revision = s.rev, server_body = s.body, local_body = NULL, local_deleted = FALSE "
                            + "WHEN NOT MATCHED THEN INSERT (kind, id, tpid, server_revision, server_body, local_body, "
                            + "local_deleted) VALUES (s.kind, s.id, s.tpid, s.rev, s.body, NULL, FALSE)");
                 PreparedStatement tombstone = connection.prepareStatement(
                         "DELETE FROM entity_row WHERE kind = ? AND id = ? AND server_revision <= ?")) {
                int merges = 0;
                int tombstones = 0;
                for (RemoteRow remote : page) {
                    touched.add(remote.kind());
                    Object entity = remote.deleted() ? null : serverEntity(remote.kind(), remote.id(), remote.body());
                    RowRef ref = new RowRef(remote.kind(), remote.id());
                    if (withEdits.contains(ref)) {
                        setServerCopy(remote.kind(), remote.id(), remote.revision(), entity);
                        toRefresh.add(ref);
                    } else if (entity == null) {
                        tombstone.setString(1, remote.kind().wireName());
                        tombstone.setString(2, remote.id());
                        tombstone.setLong(3, remote.revision());
                        tombstone.addBatch();
                        if (++tombstones == BATCH) {
                            tombstone.executeBatch();
                            tombstones = 0;
                        }
                    } else {
                        merge.setString(1, remote.kind().wireName());
                        merge.setString(2, remote.id());
                        merge.setLong(3, remote.kind().tpidOf(entity));
                        merge.setLong(4, remote.revision());
                        merge.setString(5, EntityCodec.toJson(entity));
                        merge.addBatch();
                        if (++merges == BATCH) {
                            merge.executeBatch();
                            merges = 0;
                        }
                    }
                }
                if (merges > 0) {
                    merge.executeBatch();
                }
                if (tombstones > 0) {
                    tombstone.executeBatch();
                }
            }
            for (RowRef ref : toRefresh) {
                refreshView(ref.kind(), ref.id());
            }
            setCursor(newCursor);
            return null;
        });
    }

    /** Where the next pull starts: the server revision the cache is complete up to. */
    public long cursor() {
        return read(() -> {
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pull_cursor FROM sync_state WHERE id = 1")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** The id of the server database the cursor belongs to; empty before the first page from a server that says. */
    public Optional<String> serverId() {
        return read(() -> {
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT server_id FROM sync_state WHERE id = 1")) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    /** Records the server database the cursor belongs to, without touching any row. */
    public void adoptServerId(String serverId) {
        Objects.requireNonNull(serverId, "serverId");
        write(touched -> {
            try (PreparedStatement st = connection.prepareStatement("UPDATE sync_state SET server_id = ? WHERE id = 1")) {
                st.setString(1, serverId);
                st.executeUpdate();
            }
            return null;
        });
    }

    /** True from {@link #beginResync} until {@link #finishResync}: a fresh pull from revision 0 is under way. */
    public boolean resyncing() {
        return read(() -> {
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT resyncing FROM sync_state WHERE id = 1")) {
                return rs.next() && rs.getBoolean(1);
            }
        });
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
        write(touched -> {
            try (Statement st = connection.createStatement()) {
                st.executeUpdate("UPDATE entity_row SET server_revision = 0 WHERE server_body IS NOT NULL");
                st.executeUpdate("DELETE FROM customer_history");
                st.executeUpdate("DELETE FROM customer_history_fetch");
            }
            try (PreparedStatement st = connection.prepareStatement(
                    "UPDATE sync_state SET pull_cursor = 0, server_id = ?, resyncing = TRUE WHERE id = 1")) {
                st.setString(1, serverId);
                st.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Ends a fresh sync once its pull is complete: server copies the pull did not confirm are rows
     * the server no longer has, and go. A row with edits in the outbox keeps them on top (a creation
     * stays as the user's new row). Nothing happens when no fresh sync is under way.
     *
     * @return how many rows the server no longer had
     */
    public int finishResync() {
        return write(touched -> {
            if (!resyncingIn()) {
                return 0;
            }
            Set<RowRef> withEdits = outboxTable.rowsWithEntries();
            List<RowRef> gone = new ArrayList<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery(
                         "SELECT kind, id FROM entity_row WHERE server_revision = 0 AND server_body IS NOT NULL")) {
                while (rs.next()) {
                    EntityKind kind = EntityKind.fromWireName(rs.getString(1)).orElseThrow();
                    gone.add(new RowRef(kind, rs.getString(2)));
                }
            }
            try (PreparedStatement unset = connection.prepareStatement(
                    "UPDATE entity_row SET server_body = NULL WHERE kind = ? AND id = ?");
                 PreparedStatement delete = connection.prepareStatement(
                         "DELETE FROM entity_row WHERE kind = ? AND id = ?")) {
                for (RowRef ref : gone) {
                    PreparedStatement st = withEdits.contains(ref) ? unset : delete;
                    st.setString(1, ref.kind().wireName());
                    st.setString(2, ref.id());
                    st.executeUpdate();
                    if (withEdits.contains(ref)) {
                        refreshView(ref.kind(), ref.id());
                    }
                    touched.add(ref.kind());
                }
            }
            try (Statement st = connection.createStatement()) {
                st.executeUpdate("UPDATE sync_state SET resyncing = FALSE WHERE id = 1");
            }
            return gone.size();
        });
    }

    private boolean resyncingIn() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT resyncing FROM sync_state WHERE id = 1")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** The server revision of the row's server copy; 0 when the server has not seen the row. */
    public long revisionOf(EntityKind kind, String id) {
        return read(() -> {
            StoredRow row = storedRow(kind, id);
            return row == null ? 0L : row.serverRevision();
        });
    }

    // ------------------------------------------------------------------ customer history

    /** The field history of the customer {@code tpid} as last fetched; empty when never fetched. */
    public CustomerHistory history(long tpid) {
        return read(() -> historyTable.read(tpid));
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
        write(touched -> {
            long kept = historyTable.read(tpid).lastRevision();
            historyTable.add(tpid, fresh, Math.max(kept, lastRevision), OffsetDateTime.ofInstant(fetchedAt, ZoneOffset.UTC));
            return null;
        });
    }

    /** What people typed into open forms and have not saved yet; never in the outbox. */
    public Drafts drafts() {
        return drafts;
    }

    // ------------------------------------------------------------------ settings and listeners

    /** A setting of this workspace, such as the server URL or the last sync time. */
    public Optional<String> setting(String key) {
        Objects.requireNonNull(key, "key");
        return read(() -> {
            try (PreparedStatement st = connection.prepareStatement("SELECT text_value FROM setting WHERE name = ?")) {
                st.setString(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Sets a setting of this workspace; listeners are not told. */
    public void putSetting(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        write(touched -> {
            try (PreparedStatement st = connection.prepareStatement(
                    "MERGE INTO setting (name, text_value) KEY (name) VALUES (?, ?)")) {
                st.setString(1, key);
                st.setString(2, value);
                st.executeUpdate();
            }
            return null;
        });
    }

    /** Removes a setting of this workspace, if it is set; listeners are not told. */
    public void removeSetting(String key) {
        Objects.requireNonNull(key, "key");
        write(touched -> {
            try (PreparedStatement st = connection.prepareStatement("DELETE FROM setting WHERE name = ?")) {
                st.setString(1, key);
                st.executeUpdate();
            }
            return null;
        });
    }

    /** Adds a listener, told after each committed change on the thread that made it. */
    public void addListener(StoreListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes a listener added before. */
    public void removeListener(StoreListener listener) {
        listeners.remove(listener);
    }

    /** Closes the database and releases the workspace for another window. Safe to call twice. */
    @Override
    public void close() {
        synchronized (monitor) {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(connection, lock, lockChannel);
        }
    }

    // ------------------------------------------------------------------ internals used by the package

    @FunctionalInterface
    interface SqlRead<R> {
        R run() throws SQLException;
    }

    @FunctionalInterface
    interface SqlWrite<R> {
        R run(Set<EntityKind> touched) throws SQLException;
    }

    /** Runs {@code work} on the store's connection; inside a write it sees the write's uncommitted rows. */
    <R> R read(SqlRead<R> work) {
        synchronized (monitor) {
            ensureOpen();
            try {
                R result = work.run();
                if (!inWrite) {
                    // End the read's transaction so the database need not keep old row versions for it.
                    connection.commit();
                }
                return result;
            } catch (SQLException e) {
                LOG.warn("A read of the workspace {} failed", directory, e);
                throw new StoreException("Cannot read the workspace " + directory + " (" + e.getMessage() + ").", e);
            }
        }
    }

    /**
     * Runs {@code work} as one transaction: commits when it returns, rolls back when it throws,
     * then tells the listeners about the kinds it touched. A write inside a write joins it.
     */
    <R> R write(SqlWrite<R> work) {
        Set<EntityKind> touched = EnumSet.noneOf(EntityKind.class);
        R result;
        synchronized (monitor) {
            ensureOpen();
            if (inWrite) {
                throw new IllegalStateException("A store write cannot start inside another write (from a listener?)");
            }
            inWrite = true;
            try {
                result = work.run(touched);
                connection.commit();
            } catch (SQLException e) {
                rollback(e);
                LOG.warn("A write to the workspace {} failed and was rolled back", directory, e);
                throw new StoreException("The change could not be saved in the workspace, so nothing was changed ("
                        + e.getMessage() + ").", e);
            } catch (RuntimeException | Error e) {
                rollback(e);
                throw e;
            } finally {
                inWrite = false;
            }
        }
        if (!touched.isEmpty()) {
            Set<EntityKind> kinds = Set.copyOf(touched);
            for (StoreListener listener : listeners) {
                try {
                    listener.onChanged(kinds);
                } catch (RuntimeException e) {
                    LOG.warn("A store listener failed", e);
                }
            }
        }
        return result;
    }

    /** One row as stored, or null. */
    StoredRow storedRow(EntityKind kind, String id) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT tpid, server_revision, server_body, local_body, local_deleted FROM entity_row "
                        + "WHERE kind = ? AND id = ?")) {
            st.setString(1, kind.wireName());
            st.setString(2, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new StoredRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5));
            }
        }
    }

    /** The local view's JSON of one row, or null when the local view has no such row. */
    String visibleBody(EntityKind kind, String id) throws SQLException {
        StoredRow row = storedRow(kind, id);
        return row == null ? null : row.visibleBody();
    }

    /** The local view's JSON of the rows of {@code kind} (of one customer when {@code tpid} is not null), by id. */
    List<String> visibleBodies(EntityKind kind, Long tpid) throws SQLException {
        String sql = "SELECT COALESCE(local_body, server_body) FROM entity_row WHERE kind = ? "
                + (tpid == null ? "" : "AND tpid = ? ")
                + "AND NOT local_deleted AND COALESCE(local_body, server_body) IS NOT NULL ORDER BY id";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, kind.wireName());
            if (tpid != null) {
                st.setLong(2, tpid);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    int visibleCount(EntityKind kind) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT COUNT(*) FROM entity_row WHERE kind = ? AND NOT local_deleted "
                        + "AND COALESCE(local_body, server_body) IS NOT NULL")) {
            st.setString(1, kind.wireName());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Reads a row the server sent, nested or flat JSON, and checks it is the row it claims to be.
     *
     * @throws StoreException naming the kind, id and field when the row is not valid
     */
    static Object serverEntity(EntityKind kind, String id, JsonNode body) {
        if (!body.isObject()) {
            throw new StoreException("The server sent a " + kind.wireName() + " \"" + id + "\" that is not a JSON object.");
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        body.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
        Object entity;
        try {
            // EntityCodec.entity takes dotted names and plain nested objects alike.
            entity = EntityCodec.entity(kind, fields);
        } catch (InvalidFieldsException | IllegalArgumentException e) {
            throw new StoreException("The server sent a " + kind.wireName() + " \"" + id + "\" that cannot be read: "
                    + e.getMessage(), e);
        }
        if (!kind.idOf(entity).equals(id)) {
            throw new StoreException("The server sent a " + kind.wireName() + " under id \"" + id
                    + "\" whose own id is \"" + kind.idOf(entity) + "\".");
        }
        return entity;
    }

    /**
     * Sets a row's server copy (null: the server has none) at {@code revision}, unless the store
     * already holds a newer one. Leaves the local view to {@link #refreshView}.
     */
    void setServerCopy(EntityKind kind, String id, long revision, Object entity) throws SQLException {
        StoredRow row = storedRow(kind, id);
        if (row != null && row.serverRevision() > revision) {
            return;
        }
        String json = entity == null ? null : EntityCodec.toJson(entity);
        long tpid = entity != null ? kind.tpidOf(entity) : row != null ? row.tpid() : 0;
        if (row == null) {
            try (PreparedStatement st = connection.prepareStatement(
                    "INSERT INTO entity_row (kind, id, tpid, server_revision, server_body, local_body, local_deleted) "
                            + "VALUES (?, ?, ?, ?, ?, NULL, TRUE)")) {
                // Hidden until refreshView decides what the local view is.
                st.setString(1, kind.wireName());
                st.setString(2, id);
                st.setLong(3, tpid);
                st.setLong(4, revision);
                st.setString(5, json);
                st.executeUpdate();
            }
        } else {
            // The local view is derived again by refreshView; keep the current one meanwhile.
            try (PreparedStatement st = connection.prepareStatement(
                    "UPDATE entity_row SET server_revision = ?, server_body = ?, "
                            + "local_body = CASE WHEN local_deleted THEN NULL ELSE COALESCE(local_body, server_body) END "
                            + "WHERE kind = ? AND id = ?")) {
                st.setLong(1, revision);
                st.setString(2, json);
                st.setString(3, kind.wireName());
                st.setString(4, id);
                st.executeUpdate();
            }
        }
    }

    /**
     * Derives a row's local view again: its server copy with every outbox entry about it laid over
     * it in order. Conflicting fields show the server's value; the user's value waits in the entry.
     */
    void refreshView(EntityKind kind, String id) throws SQLException {
        StoredRow row = storedRow(kind, id);
        Object view = row == null || row.serverBody() == null ? null : EntityCodec.fromJson(kind, row.serverBody());
        for (OutboxEntry entry : outboxTable.entriesFor(kind, id)) {
            view = overlay(kind, view, entry);
        }
        writeView(kind, id, row, view);
    }

    private static Object overlay(EntityKind kind, Object view, OutboxEntry entry) {
        Mutation mutation = entry.mutation();
        if (mutation.op() == Mutation.Op.DELETE) {
            return null;
        }
        Map<String, JsonNode> fields = new TreeMap<>(mutation.fields());
        if (entry.state() == OutboxState.CONFLICT) {
            entry.conflicts().forEach(conflict -> fields.remove(conflict.field()));
        }
        if (fields.isEmpty()) {
            return view;
        }
        try {
            if (view != null) {
                return EntityCodec.apply(view, fields);
            }
            // No row underneath: only an edit holding every field (a creation) makes a row.
            Object created = EntityCodec.entity(kind, fields);
            return fields.keySet().containsAll(EntityCodec.fields(created).keySet()) ? created : null;
        } catch (InvalidFieldsException e) {
            LOG.warn("Outbox entry {} no longer fits its {} row: {}", mutation.id(), kind.wireName(), e.getMessage());
            return view;
        }
    }

    private void writeView(EntityKind kind, String id, StoredRow row, Object view) throws SQLException {
        String serverBody = row == null ? null : row.serverBody();
        if (view == null) {
            if (row == null) {
                return;
            }
            String sql = serverBody == null
                    ? "DELETE FROM entity_row WHERE kind = ? AND id = ?"
                    : "UPDATE entity_row SET local_body = NULL, local_deleted = TRUE WHERE kind = ? AND id = ?";
            try (PreparedStatement st = connection.prepareStatement(sql)) {
                st.setString(1, kind.wireName());
                st.setString(2, id);
                st.executeUpdate();
            }
            return;
        }
        String json = EntityCodec.toJson(view);
        String local = json.equals(serverBody) ? null : json;
        if (row == null) {
            try (PreparedStatement st = connection.prepareStatement(
                    "INSERT INTO entity_row (kind, id, tpid, server_revision, server_body, local_body, local_deleted) "
                            + "VALUES (?, ?, ?, 0, NULL, ?, FALSE)")) {
                st.setString(1, kind.wireName());
                st.setString(2, id);
                st.setLong(3, kind.tpidOf(view));
                st.setString(4, local);
                st.executeUpdate();
            }
        } else {
            try (PreparedStatement st = connection.prepareStatement(
                    "UPDATE entity_row SET tpid = ?, local_body = ?, local_deleted = FALSE WHERE kind = ? AND id = ?")) {
                st.setLong(1, kind.tpidOf(view));
                st.setString(2, local);
                st.setString(3, kind.wireName());
                st.setString(4, id);
                st.executeUpdate();
            }
        }
    }

    private void setCursor(long cursor) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("UPDATE sync_state SET pull_cursor = ? WHERE id = 1")) {
            st.setLong(1, cursor);
            st.executeUpdate();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("The workspace " + directory + " is closed.");
        }
    }

    private void rollback(Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection connection, FileLock lock, FileChannel channel) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("Closing the workspace database failed", e);
            }
        }
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            LOG.warn("Releasing the workspace lock failed", e);
        }
    }

    /** A row as the table holds it. */
    record StoredRow(long tpid, long serverRevision, String serverBody, String localBody, boolean localDeleted) {

        /** The local view's JSON, or null when the row is hidden locally. */
        String visibleBody() {
            if (localDeleted) {
                return null;
            }
            return localBody != null ? localBody : serverBody;
        }

        Object visible(EntityKind kind) {
            String body = visibleBody();
            return body == null ? null : EntityCodec.fromJson(kind, body);
        }
    }

    static <T> List<T> parseAll(EntityKind kind, Collection<String> bodies) {
        List<T> out = new ArrayList<>(bodies.size());
        for (String body : bodies) {
            out.add(EntityCodec.fromJson(kind, body));
        }
        return out;
    }
}

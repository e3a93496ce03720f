package ftop.core.store;

import ftop.core.change.EntityKind;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's database, opened and locked: one connection for writes and one for reads, and
 * the transactions on them.
 *
 * <p>Writes are serialised on the write connection, each one transaction. Reads run on their own
 * connection: H2 keeps several versions of a row (MVCC), so a read sees the last committed state
 * and does not wait for a write in progress, such as a 5,000-row pull page. A read made inside a
 * write (validation of the rows being saved) runs on the write's connection and sees its rows.
 * The tables of the package reach the connection of the transaction they run in through
 * {@link #connection()}.
 */
final class StoreDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreDatabase.class);

    @FunctionalInterface
    interface SqlRead<R> {
        R run() throws SQLException;
    }

    @FunctionalInterface
    interface SqlWrite<R> {
        R run(Set<EntityKind> touched) throws SQLException;
    }

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Connection writer;
    private final Connection reader;
    private final String jdbcUrl;
    private final WorkspaceKey key;
    /** The key handed to the encrypted file system while the database is open; null when plain. */
    private final EncryptedFilePath.Unlocking unlocking;
    private final Object writeMonitor = new Object();
    private final Object readMonitor = new Object();
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private StoreDatabase(Path directory, FileChannel lockChannel, FileLock lock, Connection writer, Connection reader,
                          String jdbcUrl, WorkspaceKey key, EncryptedFilePath.Unlocking unlocking) {
        this.directory = directory;
        this.unlocking = unlocking;
        this.key = key;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.writer = writer;
        this.reader = reader;
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Opens and locks the workspace database in {@code dir}; see {@link LocalStore#open(Path)}. With
     * {@code keys} the file is encrypted (a plain one is encrypted first, see {@link StoreEncryption});
     * without, it is plain, and an encrypted one is refused.
     */
    static StoreDatabase open(Path dir, WorkspaceKeys keys) {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException("Cannot use " + dir + " as a workspace: it is a file, not a folder.", e);
        } catch (IOException e) {
            throw new StoreException("Cannot create the workspace folder " + dir + ": " + e.getMessage(), e);
        }
        FileChannel channel = null;
        FileLock fileLock = null;
        Connection writer = null;
        Connection reader = null;
        EncryptedFilePath.Unlocking unlocking = null;
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
                throw new StoreException(LocalStore.ALREADY_OPEN_MESSAGE);
            }
            // retry: the UI cancels background work by interrupting threads, and an interrupt during
            // file I/O would otherwise close the database for good.
            // WRITE_DELAY=0: a commit reaches the file before save() returns, so an edit survives the
            // process being killed right after (H2 otherwise writes up to half a second later).
            // DB_CLOSE_ON_EXIT=FALSE: when the process is asked to end (a session logout), H2 does not
            // close the database under the owner's own shutdown work (the app keeps unsaved drafts
            // then, and closes the store itself); a store nobody closes is left as after a crash.
            WorkspaceKey key = keyOf(dir, keys);
            String url;
            if (key == null) {
                url = "jdbc:h2:retry:" + dir.resolve(StoreEncryption.DATABASE) + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
            } else {
                // The file is in H2's CIPHER=AES format (XTS-AES on every page), read and written
                // through EncryptedFilePath with the JDK's AES, which uses the processor's AES
                // instructions; the key goes to it in memory, never into the URL. H2 itself sees a
                // plain file, so it must not spill a large result into a temporary file of its own
                // (which it would write in plain text): results stay in memory.
                char[] file = key.filePassword();
                unlocking = EncryptedFilePath.unlock(dir, StoreEncryption.DATABASE, file);
                Arrays.fill(file, '\0');
                url = "jdbc:h2:" + EncryptedFilePath.urlPath(dir, StoreEncryption.DATABASE)
                        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MAX_MEMORY_ROWS=" + Integer.MAX_VALUE;
            }
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL(url);
            dataSource.setUser("sa");
            dataSource.setPassword("");
            writer = dataSource.getConnection();
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/local")
                    .load()
                    .migrate();
            writer.setAutoCommit(false);
            reader = dataSource.getConnection();
            reader.setAutoCommit(false);
            reader.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            return new StoreDatabase(dir, channel, fileLock, writer, reader, url, key, unlocking);
        } catch (StoreException e) {
            closeQuietly(fileLock, channel, unlocking, reader, writer);
            throw e;
        } catch (SQLException e) {
            closeQuietly(fileLock, channel, unlocking, reader, writer);
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new StoreException(LocalStore.ALREADY_OPEN_MESSAGE, e);
            }
            if (keys != null && (e.getErrorCode() == ErrorCode.FILE_CORRUPTED_1
                    || e.getErrorCode() == ErrorCode.FILE_ENCRYPTION_ERROR_1
                    || e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD)) {
                throw new StoreException("The workspace in " + dir + " cannot be unlocked with the key kept for it"
                        + " (" + e.getMessage() + "). Nothing was changed.", e);
            }
            throw new StoreException("Cannot open the workspace in " + dir + ": " + e.getMessage(), e);
        } catch (FlywayException e) {
            closeQuietly(fileLock, channel, unlocking, reader, writer);
            throw new StoreException("Cannot prepare the workspace database in " + dir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(fileLock, channel, unlocking, reader, writer);
            throw new StoreException("Cannot open the workspace in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The key of the workspace, found (or made) before anything of it is read; a plain workspace
     * is encrypted with it here.
     */
    private static WorkspaceKey keyOf(Path dir, WorkspaceKeys keys) throws IOException, SQLException {
        StoreEncryption.cleanUp(dir);
        boolean encrypted = StoreEncryption.encrypted(dir);
        if (keys == null) {
            if (encrypted) {
                throw new StoreException("The workspace in " + dir + " is encrypted; only FTOP Desktop, with its key, opens it.");
            }
            return null;
        }
        WorkspaceKey key = Objects.requireNonNull(keys.key(dir), "key");
        if (StoreEncryption.exists(dir) && !encrypted) {
            StoreEncryption.encrypt(dir, key);
        }
        return key;
    }

    Path directory() {
        return directory;
    }

    /** The key the file is encrypted with; empty for a plain workspace. */
    Optional<WorkspaceKey> key() {
        return Optional.ofNullable(key);
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * The connection of the transaction the calling thread runs in.
     *
     * @throws IllegalStateException outside {@link #read} and {@link #write}
     */
    Connection connection() {
        Connection connection = current.get();
        if (connection == null) {
            throw new IllegalStateException("The workspace database is used outside a read or write");
        }
        return connection;
    }

    /**
     * Runs {@code work} as one read transaction on the read connection; inside a write it runs on
     * the write's connection and sees the write's uncommitted rows.
     */
    <R> R read(SqlRead<R> work) {
        ensureOpen();
        if (current.get() != null) {
            return run(work);
        }
        synchronized (readMonitor) {
            ensureOpen();
            current.set(reader);
            try {
                R result = run(work);
                // End the read's transaction so the database need not keep old row versions for it.
                reader.commit();
                return result;
            } catch (SQLException e) {
                throw readFailed(e);
            } finally {
                current.remove();
            }
        }
    }

    private <R> R run(SqlRead<R> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    private StoreException readFailed(SQLException e) {
        LOG.warn("A read of the workspace {} failed", directory, e);
        return new StoreException("Cannot read the workspace " + directory + " (" + e.getMessage() + ").", e);
    }

    /**
     * Runs {@code work} as one transaction: commits when it returns, rolls back when it throws,
     * then tells the listeners about the kinds it touched, as a change from {@code origin}.
     *
     * @throws IllegalStateException when called inside another write (from a listener?)
     */
    <R> R write(StoreChange.Origin origin, SqlWrite<R> work) {
        Objects.requireNonNull(origin, "origin");
        if (current.get() == writer) {
            throw new IllegalStateException("A store write cannot start inside another write (from a listener?)");
        }
        Set<EntityKind> touched = EnumSet.noneOf(EntityKind.class);
        R result;
        synchronized (writeMonitor) {
            ensureOpen();
            Connection outer = current.get();
            current.set(writer);
            try {
                result = work.run(touched);
                writer.commit();
            } catch (SQLException e) {
                rollback(e);
                LOG.warn("A write to the workspace {} failed and was rolled back", directory, e);
                throw new StoreException("The change could not be saved in the workspace, so nothing was changed ("
                        + e.getMessage() + ").", e);
            } catch (RuntimeException | Error e) {
                rollback(e);
                throw e;
            } finally {
                current.set(outer);
                if (outer == null) {
                    current.remove();
                }
            }
        }
        if (!touched.isEmpty()) {
            StoreChange change = new StoreChange(touched, origin);
            for (StoreListener listener : listeners) {
                try {
                    listener.onChanged(change);
                } catch (RuntimeException e) {
                    LOG.warn("A store listener failed", e);
                }
            }
        }
        return result;
    }

    void addListener(StoreListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void removeListener(StoreListener listener) {
        listeners.remove(listener);
    }

    /** Closes both connections and releases the lock. Safe to call twice. */
    @Override
    public void close() {
        synchronized (writeMonitor) {
            synchronized (readMonitor) {
                if (closed) {
                    return;
                }
                closed = true;
                closeQuietly(lock, lockChannel, unlocking, reader, writer);
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("The workspace " + directory + " is closed.");
        }
    }

    private void rollback(Throwable cause) {
        try {
            writer.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(FileLock lock, FileChannel channel, EncryptedFilePath.Unlocking unlocking,
                                     Connection... connections) {
        for (Connection connection : connections) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.warn("Closing the workspace database failed", e);
                }
            }
        }
        if (unlocking != null) {
            // after the connections: H2 closes the database with the last of them
            unlocking.close();
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
}

package ftop.sync.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.h2.api.ErrorCode;

/**
 * Backing up and restoring the server's H2 database. A backup is H2's own online copy
 * ({@code BACKUP TO}): the database file as of one moment, taken while the server runs, in a zip.
 * A restore puts such a copy in place of the database while the server is stopped, keeps the
 * replaced file beside it, and gives the restored database a new server id and a revision counter
 * no lower than the replaced one's, so every client syncs afresh and no revision number handed
 * out before is given out again for another change.
 */
public final class Backups {

    /** The answer header of {@code GET /admin/backup} carrying the latest revision in the backup (at least). */
    public static final String REVISION_HEADER = "X-Ftop-Revision";

    private static final String MV_SUFFIX = ".mv.db";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private Backups() {
    }

    /**
     * Writes a consistent copy of the H2 database {@code db} to {@code zip} while it is in use, on a
     * connection of its own (no request's connection is held for it).
     *
     * @return the latest revision committed when the copy began: the copy holds it and everything before
     */
    static long backUpH2(Database db, Path zip) throws SQLException {
        try (Connection c = db.unpooledConnection()) {
            long revision = RowStore.currentRevision(c);
            try (PreparedStatement ps = c.prepareStatement("BACKUP TO ?")) {
                ps.setString(1, zip.toAbsolutePath().toString());
                ps.execute();
            }
            return revision;
        }
    }

    /**
     * What a restore did.
     *
     * @param restoredRevision the latest revision in the backup
     * @param nextRevision     the revision the restored database gives out next
     * @param oldServerId      the replaced database's id, null when there was none or it could not be read
     * @param newServerId      the restored database's new id
     * @param replacedFile     where the replaced database file was kept, null when there was none
     */
    public record RestoreReport(long restoredRevision, long nextRevision, String oldServerId, String newServerId,
                                Path replacedFile) {
    }

    /**
     * Puts the backup {@code zip} (from {@code GET /admin/backup}) in place of the H2 database at
     * {@code jdbcUrl}, which no server may have open. The replaced file is kept beside it, named
     * {@code ftop-server.mv.db.before-restore-STAMP}.
     *
     * @throws IllegalArgumentException when the URL is not an H2 file database or the zip holds no H2 database
     * @throws IllegalStateException    when the database is in use (stop the server first) or the backup
     *                                  cannot be opened as an FTOP server database; nothing is changed then
     */
    public static RestoreReport restoreH2(Path zip, String jdbcUrl, Clock clock) throws IOException {
        Path base = h2Base(jdbcUrl);
        Path current = Path.of(base + MV_SUFFIX);
        Path restoring = Path.of(base + "-restoring" + MV_SUFFIX);
        Files.createDirectories(base.getParent());
        Previous previous = new Previous(0, null);
        if (Files.exists(current)) {
            refuseIfInUse(current);
            previous = readPrevious(base);
        }
        extract(zip, restoring);
        long restoredRevision;
        long next;
        String newId;
        try (Database restored = Database.open(h2Url(Path.of(base + "-restoring")), Database.PoolSettings.of(1))) {
            restoredRevision = restored.read(RowStore::currentRevision);
            long continueAfter = Math.max(restoredRevision, previous.revision());
            newId = restored.inRevisionTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE revision_counter SET revision = ? WHERE id = 1")) {
                    ps.setLong(1, continueAfter);
                    ps.executeUpdate();
                }
                return ServerIdentity.renew(c);
            });
            next = continueAfter + 1;
        } catch (SQLException | RuntimeException e) {
            Files.deleteIfExists(restoring);
            throw new IllegalStateException("The backup " + zip + " cannot be opened as an FTOP server database: "
                    + e.getMessage() + ". Nothing was changed.", e);
        }
        Path kept = null;
        if (Files.exists(current)) {
            kept = Path.of(current + ".before-restore-" + STAMP.format(clock.instant()));
            move(current, kept);
        }
        move(restoring, current);
        return new RestoreReport(restoredRevision, next, previous.serverId(), newId, kept);
    }

    /** The replaced database's latest revision and id, so that neither is reused. */
    private record Previous(long revision, String serverId) {
    }

    /** H2 locks its file while the database is open, in this process or another. */
    private static void refuseIfInUse(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("The database " + file + " is in use: stop the server first, then restore.");
            }
            lock.release();
        }
    }

    private static Previous readPrevious(Path base) {
        // Read-only and straight to H2: no migration, no epoch, nothing written to the file being replaced.
        String url = "jdbc:h2:file:" + base + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            long revision;
            try (ResultSet rs = s.executeQuery("SELECT revision FROM revision_counter WHERE id = 1")) {
                revision = rs.next() ? rs.getLong(1) : 0;
            }
            String id = null;
            try (ResultSet rs = s.executeQuery("SELECT server_id FROM server_identity WHERE id = 1")) {
                if (rs.next()) {
                    id = rs.getString(1);
                }
            } catch (SQLException noIdentityYet) {
                // a database from before server ids
            }
            return new Previous(revision, id);
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new IllegalStateException("The database " + base + MV_SUFFIX + " is in use: stop the server first, "
                        + "then restore.", e);
            }
            // A broken database is a reason to restore; its revisions cannot be read, so the backup's count.
            System.err.println("ftop-server: the current database " + base + MV_SUFFIX + " cannot be read ("
                    + e.getMessage() + "); it is kept, and revisions continue after the backup's.");
            return new Previous(0, null);
        }
    }

    private static void extract(Path zip, Path target) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<ZipEntry> databases = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory() && entry.getName().endsWith(MV_SUFFIX)) {
                    databases.add(entry);
                }
            }
            if (databases.size() != 1) {
                throw new IllegalArgumentException(zip + " is not a backup of the FTOP server: it holds "
                        + databases.size() + " H2 database files, not one");
            }
            try (InputStream in = file.getInputStream(databases.get(0))) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (ZipException e) {
            throw new IllegalArgumentException(zip + " is not a zip file (" + e.getMessage() + ")", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** The H2 URL of the database whose file is {@code base}.mv.db. */
    private static String h2Url(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /**
     * The database file of an H2 URL without its {@code .mv.db}: {@code jdbc:h2:file:/data/ftop-server;...}
     * gives {@code /data/ftop-server}.
     *
     * @throws IllegalArgumentException for PostgreSQL, in-memory or server-mode H2 URLs
     */
    static Path h2Base(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("This restores the H2 database only; restore PostgreSQL with pg_restore "
                    + "(see the README, \"Backups\")");
        }
        String rest;
        if (jdbcUrl.startsWith("jdbc:h2:file:")) {
            rest = jdbcUrl.substring("jdbc:h2:file:".length());
        } else if (jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:mem:") && !jdbcUrl.startsWith("jdbc:h2:tcp:")
                && !jdbcUrl.startsWith("jdbc:h2:ssl:")) {
            rest = jdbcUrl.substring("jdbc:h2:".length());
        } else {
            throw new IllegalArgumentException("Not an H2 file database: " + Database.redact(jdbcUrl));
        }
        int options = rest.indexOf(';');
        String path = options < 0 ? rest : rest.substring(0, options);
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path).toAbsolutePath();
    }
}

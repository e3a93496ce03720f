package ftop.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.h2.tools.ChangeFileEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a plain workspace file into an encrypted one, restartably: the file is copied into a
 * folder beside it, encrypted there with H2's {@link ChangeFileEncryption}, forced to the disk and
 * moved over the plain one in one atomic rename. Killed at any moment, the workspace holds either
 * the whole plain file (and the next start begins again) or the whole encrypted one; the pending
 * edits, drafts and settings inside it are carried over byte for byte.
 */
final class StoreEncryption {

    private static final Logger LOG = LoggerFactory.getLogger(StoreEncryption.class);
    /** The database's name in the workspace folder (H2 adds {@code .mv.db}). */
    static final String DATABASE = "ftop";
    static final String FILE = DATABASE + ".mv.db";
    /** Where a file is encrypted before it replaces the plain one. */
    static final String WORK_FOLDER = "encrypting";
    /** What H2 writes at the start of a file it encrypts (its {@code FileEncrypt} header). */
    private static final byte[] HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);

    private StoreEncryption() {
    }

    /** Whether the workspace's database file exists. */
    static boolean exists(Path dir) {
        return Files.exists(dir.resolve(FILE));
    }

    /** Whether the workspace's database file is encrypted (false when there is none). */
    static boolean encrypted(Path dir) throws IOException {
        byte[] start = new byte[HEADER.length];
        try (InputStream in = Files.newInputStream(dir.resolve(FILE))) {
            int read = in.readNBytes(start, 0, start.length);
            return read == HEADER.length && Arrays.equals(start, HEADER);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Removes what an encryption cut off by a crash left beside the workspace. */
    static void cleanUp(Path dir) throws IOException {
        Path work = dir.resolve(WORK_FOLDER);
        if (Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * Encrypts the plain database of the workspace in {@code dir} with {@code key}. The caller holds
     * the workspace's lock and has no connection open to it.
     */
    static void encrypt(Path dir, WorkspaceKey key) throws IOException, SQLException {
        long started = System.nanoTime();
        cleanUp(dir);
        Path work = Files.createDirectories(dir.resolve(WORK_FOLDER));
        Path copy = work.resolve(FILE);
        Files.copy(dir.resolve(FILE), copy);
        ChangeFileEncryption.execute(work.toString(), DATABASE, "AES", null, key.filePassword(), true);
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(copy, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        cleanUp(dir);
        // H2's trace file may quote statements, and with them customer data.
        Files.deleteIfExists(dir.resolve(DATABASE + ".trace.db"));
        LOG.info("Encrypted the workspace {} in {} ms", dir, (System.nanoTime() - started) / 1_000_000);
    }
}

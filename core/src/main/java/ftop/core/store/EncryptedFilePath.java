package ftop.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's file system for a workspace database encrypted in H2's own format ({@link EncryptedFile}),
 * reached through the scheme {@value #SCHEME} in the database's URL, for example
 * {@code jdbc:h2:ftopxts:retry:/home/megan/.ftop/work/ftop}. The key is in no URL and no file: the
 * store hands it over with {@link #unlock(Path, String, char[])} before it connects and takes it back
 * when it closes. The trace file stays as H2 writes it; every other file of the database is
 * encrypted, and one without a key is refused.
 *
 * <p>Public only because H2 creates its paths by reflection; the store registers it.
 */
public final class EncryptedFilePath extends FilePathWrapper {

    /** The scheme in a database URL. */
    static final String SCHEME = "ftopxts";
    private static final String TRACE_SUFFIX = ".trace.db";
    /** The keys of the databases now open, by folder: the database's name and its file key. */
    private static final Map<Path, Unlocked> UNLOCKED = new ConcurrentHashMap<>();

    static {
        FilePath.register(new EncryptedFilePath());
    }

    private record Unlocked(String database, byte[] fileKey) {
    }

    /** A key handed over; closing it takes the key back. */
    interface Unlocking extends AutoCloseable {
        @Override
        void close();
    }

    /** Used by H2 only. */
    public EncryptedFilePath() {
    }

    /**
     * Makes the database {@code database} in {@code dir} readable under {@value #SCHEME} with the
     * file password {@code filePassword} (as H2's {@code CIPHER=AES} takes it; the array is not kept).
     */
    static Unlocking unlock(Path dir, String database, char[] filePassword) {
        Path folder = realFolder(dir);
        Unlocked unlocked = new Unlocked(database, fileKey(filePassword));
        if (UNLOCKED.putIfAbsent(folder, unlocked) != null) {
            throw new IllegalStateException("The database in " + dir + " is unlocked already");
        }
        return () -> {
            if (UNLOCKED.remove(folder, unlocked)) {
                Arrays.fill(unlocked.fileKey(), (byte) 0);
            }
        };
    }

    /** The URL path of the database {@code database} in {@code dir} under this scheme. */
    static String urlPath(Path dir, String database) {
        return SCHEME + ":retry:" + dir.toAbsolutePath().normalize().resolve(database);
    }

    /**
     * The bytes H2 derives a file's AES key from, for a file password: what its {@code CIPHER=AES}
     * passes on, one zero byte then the low byte of each character (H2 keeps the password as
     * UTF-16 bytes, and its store, decoding them back to characters, keeps only the low byte).
     */
    static byte[] fileKey(char[] filePassword) {
        byte[] key = new byte[filePassword.length * 2];
        for (int i = 0; i < filePassword.length; i++) {
            key[2 * i + 1] = (byte) filePassword[i];
        }
        return key;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        Optional<byte[]> key = keyOf();
        if (key.isEmpty()) {
            return getBase().open(mode);
        }
        FileChannel file = getBase().open(mode);
        return new EncryptedFile(name, key.get(), file);
    }

    @Override
    public long size() {
        long onDisk = getBase().size();
        return isTrace() ? onDisk : EncryptedFile.lengthOf(onDisk);
    }

    @Override
    public InputStream newInputStream() throws IOException {
        return isTrace() ? getBase().newInputStream() : Channels.newInputStream(open("r"));
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        return isTrace() ? getBase().newOutputStream(append) : newFileChannelOutputStream(open("rw"), append);
    }

    private boolean isTrace() {
        return name.endsWith(TRACE_SUFFIX);
    }

    /** The file key of this file; empty for the trace file. */
    private Optional<byte[]> keyOf() throws IOException {
        if (isTrace()) {
            return Optional.empty();
        }
        FilePath disk = getBase();
        while (disk instanceof FilePathWrapper wrapper) {
            disk = wrapper.unwrap();
        }
        Path file = Path.of(disk.toString());
        Unlocked unlocked;
        try {
            unlocked = file.getParent() == null ? null : UNLOCKED.get(realFolder(file.getParent()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (unlocked == null || !file.getFileName().toString().startsWith(unlocked.database() + ".")) {
            throw new IOException("The encrypted file " + file + " cannot be opened: its workspace is not unlocked");
        }
        return Optional.of(unlocked.fileKey());
    }

    private static Path realFolder(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

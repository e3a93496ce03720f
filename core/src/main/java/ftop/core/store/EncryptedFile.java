package ftop.core.store;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.h2.store.fs.FileBaseDefault;

/**
 * A file in H2's encrypted format ({@code CIPHER=AES}), read and written with {@link XtsPages}.
 *
 * <p>The layout is H2's {@code FileEncrypt}: a 4 KB header ({@code "H2encrypt\n"}, an 8-byte random
 * salt, zeros), then the file's pages, each encrypted on its own with its page number as the
 * tweak. A file whose length is not a whole number of pages keeps its last page whole and is
 * followed by as many filler bytes as the length's remainder, which is how the length is found
 * again from the size of the file on disk. A file of either implementation opens with the other,
 * and H2's {@code ChangeFileEncryption} works on it.
 *
 * <p>Ported from H2's {@code org.h2.store.fs.encrypt.FileEncrypt} (H2 Group, multiple-licensed under
 * the MPL 2.0 and the EPL 1.0, https://h2database.com/html/license.html). Unlike it, every write
 * and truncation that changes the length puts the filler right after the last page: H2's misplaces
 * it in cases the database itself never makes (it writes whole pages and truncates at page
 * boundaries), such as a few bytes written before the last page of a file of an uneven length.
 */
final class EncryptedFile extends FileBaseDefault {

    static final int HEADER_LENGTH = XtsPages.PAGE;
    static final byte[] HEADER = "H2encrypt\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final int PAGE = XtsPages.PAGE;
    private static final int PAGE_MASK = PAGE - 1;
    private static final int SALT_POS = HEADER.length;
    private static final int SALT_LENGTH = 8;
    private static final int HASH_ITERATIONS = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final FileChannel base;
    private byte[] fileKey;
    private volatile XtsPages xts;
    /** The length of the file as its reader sees it. */
    private volatile long size;

    /**
     * The file {@code name} on {@code base}, encrypted under {@code fileKey} (the bytes H2 derives
     * the AES key from). Nothing is read or written before the first use, so that the caller may
     * lock the file first.
     */
    EncryptedFile(String name, byte[] fileKey, FileChannel base) {
        this.name = name;
        this.base = base;
        this.fileKey = fileKey.clone();
    }

    /** The length H2's format gives a file that takes {@code onDisk} bytes on the disk. */
    static long lengthOf(long onDisk) {
        long length = Math.max(0, onDisk - HEADER_LENGTH);
        return (length & PAGE_MASK) == 0 ? length : length - PAGE;
    }

    private XtsPages init() throws IOException {
        XtsPages pages = xts;
        return pages != null ? pages : createXts();
    }

    private synchronized XtsPages createXts() throws IOException {
        if (xts != null) {
            return xts;
        }
        long onDisk = base.size();
        byte[] salt = new byte[SALT_LENGTH];
        if (onDisk >= HEADER_LENGTH) {
            readFully(base, SALT_POS, ByteBuffer.wrap(salt));
            size = lengthOf(onDisk);
        } else {
            RANDOM.nextBytes(salt);
            byte[] header = Arrays.copyOf(HEADER, HEADER_LENGTH);
            System.arraycopy(salt, 0, header, SALT_POS, SALT_LENGTH);
            writeFully(base, 0, ByteBuffer.wrap(header));
        }
        XtsPages pages = XtsPages.derive(fileKey, salt, HASH_ITERATIONS);
        Arrays.fill(fileKey, (byte) 0);
        fileKey = null;
        xts = pages;
        return pages;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        int wanted = dst.remaining();
        if (wanted == 0) {
            return 0;
        }
        XtsPages pages = init();
        if (position < 0) {
            throw new IllegalArgumentException("pos: " + position);
        }
        long length = size;
        if (position >= length) {
            return -1;
        }
        int len = (int) Math.min(wanted, length - position);
        long start = position & ~PAGE_MASK;
        int offset = (int) (position - start);
        int span = roundUp(offset + len);
        if (offset == 0 && span == len && dst.hasArray()) {
            // whole pages into the caller's own array: decrypted where they land
            byte[] array = dst.array();
            int at = dst.arrayOffset() + dst.position();
            readFully(base, start + HEADER_LENGTH, ByteBuffer.wrap(array, at, len));
            pages.decrypt(start / PAGE, array, at, len);
            dst.position(dst.position() + len);
            return len;
        }
        byte[] temp = new byte[span];
        readFully(base, start + HEADER_LENGTH, ByteBuffer.wrap(temp));
        pages.decrypt(start / PAGE, temp, 0, span);
        dst.put(temp, offset, len);
        return len;
    }

    /**
     * Writes are serialised (the database makes them one at a time anyway): a write that makes the
     * file longer sets its length and filler, which must not cross another write in progress.
     * Reads run alongside.
     */
    @Override
    public synchronized int write(ByteBuffer src, long position) throws IOException {
        XtsPages pages = init();
        if (position < 0) {
            throw new IllegalArgumentException("pos: " + position);
        }
        int len = src.remaining();
        long start = position & ~PAGE_MASK;
        int offset = (int) (position - start);
        int span = roundUp(offset + len);
        byte[] temp = new byte[span];
        if (offset != 0 || span != len) {
            // a part of a page: read what the pages hold (as far as the file goes) and lay the bytes over it
            long kept = roundUp(size) - start;
            int existing = (int) Math.max(0, Math.min(span, kept));
            if (existing > 0) {
                readFully(base, start + HEADER_LENGTH, ByteBuffer.wrap(temp, 0, existing));
                pages.decrypt(start / PAGE, temp, 0, existing);
            }
        }
        src.get(temp, offset, len);
        pages.encrypt(start / PAGE, temp, 0, span);
        writeFully(base, start + HEADER_LENGTH, ByteBuffer.wrap(temp));
        long end = position + len;
        if (end > size) {
            size = end;
            setFiller(end);
        }
        return len;
    }

    /**
     * Makes the file on disk as long as H2's format says for a length of {@code length}: the whole
     * pages, then as many filler bytes as the length's remainder.
     */
    private void setFiller(long length) throws IOException {
        int remainder = (int) (length & PAGE_MASK);
        long onDisk = HEADER_LENGTH + roundUp(length) + remainder;
        long now = base.size();
        if (now > onDisk) {
            base.truncate(onDisk);
        } else if (now < onDisk) {
            writeFully(base, now, ByteBuffer.allocate((int) (onDisk - now)));
        }
    }

    @Override
    protected synchronized void implTruncate(long newSize) throws IOException {
        init();
        if (newSize > size) {
            return;
        }
        if (newSize < 0) {
            throw new IllegalArgumentException("newSize: " + newSize);
        }
        // the page holding the new end stays whole, followed by its filler
        size = newSize;
        setFiller(newSize);
    }

    @Override
    public long size() throws IOException {
        init();
        return size;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        base.force(metaData);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return base.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        base.close();
    }

    @Override
    public String toString() {
        return name;
    }

    private static int roundUp(int length) {
        return (length + PAGE_MASK) & ~PAGE_MASK;
    }

    private static long roundUp(long length) {
        return (length + PAGE_MASK) & ~PAGE_MASK;
    }

    private static void readFully(FileChannel file, long position, ByteBuffer dst) throws IOException {
        while (dst.hasRemaining()) {
            int read = file.read(dst, position);
            if (read < 0) {
                throw new EOFException();
            }
            position += read;
        }
    }

    private static void writeFully(FileChannel file, long position, ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            position += file.write(src, position);
        }
    }
}

package ftop.sync.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An answer's body, read as it arrives, that refuses to go past a number of bytes: an endless or
 * huge answer (a broken server or proxy) fails with {@link TooLargeException} once the cap is
 * reached, instead of filling the memory. Nothing is buffered beyond what the reader asks for.
 */
final class CappedInputStream extends FilterInputStream {

    /** The answer went past the cap; {@link #cap()} says how far it was read. */
    static final class TooLargeException extends IOException {

        private final long cap;

        TooLargeException(long cap) {
            super("The answer is larger than " + cap + " bytes");
            this.cap = cap;
        }

        long cap() {
            return cap;
        }
    }

    private final long cap;
    private long remaining;

    CappedInputStream(InputStream in, long cap) {
        super(in);
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive: " + cap);
        }
        this.cap = cap;
        this.remaining = cap;
    }

    @Override
    public int read() throws IOException {
        if (remaining == 0) {
            return endOrTooLarge();
        }
        int b = super.read();
        if (b >= 0) {
            remaining--;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (remaining == 0) {
            return endOrTooLarge();
        }
        int n = super.read(buffer, offset, (int) Math.min(length, remaining));
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes count too; read them through the cap.
        long skipped = 0;
        byte[] scratch = new byte[(int) Math.min(8192, Math.max(1, n))];
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** At the cap: an answer of exactly the cap ends here; one more byte is one too many. */
    private int endOrTooLarge() throws IOException {
        if (super.read() < 0) {
            return -1;
        }
        throw new TooLargeException(cap);
    }
}

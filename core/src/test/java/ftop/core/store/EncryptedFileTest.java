package ftop.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.h2.store.fs.encrypt.FileEncrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EncryptedFile} against H2's own {@link FileEncrypt} on real files: the same pages under the
 * same salt are the same bytes on disk, and whatever one writes (whole pages, a few bytes at odd
 * places, growth, truncation) the other reads back byte for byte.
 */
class EncryptedFileTest {

    private static final int PAGE = XtsPages.PAGE;

    @TempDir
    Path dir;

    private final byte[] fileKey = EncryptedFilePath.fileKey("00112233445566778899aabbccddeeff".toCharArray());

    @Test
    void theSamePagesUnderTheSameSaltAreTheSameBytesOnDisk() throws IOException {
        Random random = new Random(15);
        byte[] pages = new byte[37 * PAGE];
        random.nextBytes(pages);
        Path theirs = dir.resolve("theirs.mv.db");
        Path ours = dir.resolve("ours.mv.db");

        try (FileChannel h2 = h2(theirs)) {
            h2.write(ByteBuffer.wrap(pages, 0, PAGE), 0);
        }
        // the header H2 wrote, with its random salt, starts our file
        Files.write(ours, Arrays.copyOf(Files.readAllBytes(theirs), EncryptedFile.HEADER_LENGTH));
        try (FileChannel h2 = h2(theirs); FileChannel file = ours(ours)) {
            for (FileChannel channel : new FileChannel[] {h2, file}) {
                channel.write(ByteBuffer.wrap(pages, 0, 5 * PAGE), 0);
                channel.write(ByteBuffer.wrap(pages, 5 * PAGE, PAGE), 5L * PAGE);
                channel.write(ByteBuffer.wrap(pages, 6 * PAGE, 31 * PAGE), 6L * PAGE);
                channel.write(ByteBuffer.wrap(pages, 0, 2 * PAGE), 40L * PAGE);
            }
        }

        byte[] onDisk = Files.readAllBytes(ours);
        assertThat(onDisk).isEqualTo(Files.readAllBytes(theirs));
        assertThat(Arrays.copyOf(onDisk, 10)).isEqualTo(EncryptedFile.HEADER);
        assertThat(EncryptedStoreTest.indexOf(onDisk, Arrays.copyOfRange(pages, 100, 116))).as("plain text on disk").isNegative();
    }

    @Test
    void whatEitherWritesTheOtherReadsBackByteForByte() throws IOException {
        Random random = new Random(1619);
        Path path = dir.resolve("mixed.mv.db");
        byte[] model = new byte[0];
        int[] h2Steps = new int[3]; // truncations, whole pages, parts of pages written by H2
        for (int step = 0; step < 400; step++) {
            int size = model.length;
            int kind = random.nextInt(10);
            long position;
            int length;
            if (kind == 0) {
                position = random.nextInt(size + 1); // truncate to here
                length = 0;
            } else if (kind <= 4) {
                // whole pages, as the database writes them, anywhere up to a page past the end
                position = (long) random.nextInt((int) (roundUp(size) / PAGE) + 2) * PAGE;
                length = (1 + random.nextInt(4)) * PAGE;
            } else {
                position = random.nextInt(size + 2 * PAGE);
                length = 1 + random.nextInt(3 * PAGE);
            }
            boolean byH2 = random.nextBoolean() && (kind == 0 ? h2TruncatesRight(size, position)
                    : h2WritesRight(size, position, length));
            if (byH2) {
                h2Steps[kind == 0 ? 0 : kind <= 4 ? 1 : 2]++;
            }
            try (FileChannel channel = byH2 ? h2(path) : ours(path)) {
                assertThat(channel.size()).as("size before step %d", step).isEqualTo(size);
                if (kind == 0) {
                    channel.truncate(position);
                    model = Arrays.copyOf(model, (int) position);
                } else {
                    model = write(channel, model, position, length, random);
                }
            }
            try (FileChannel other = byH2 ? ours(path) : h2(path)) {
                assertThat(other.size()).as("size after step %d", step).isEqualTo(model.length);
                assertThat(readAll(other, model.length)).as("content after step %d", step).isEqualTo(model);
                if (model.length > 0) {
                    int from = random.nextInt(model.length);
                    int span = 1 + random.nextInt(model.length - from);
                    ByteBuffer part = ByteBuffer.allocate(span);
                    other.read(part, from);
                    assertThat(part.array()).isEqualTo(Arrays.copyOfRange(model, from, from + span));
                }
            }
        }
        assertThat(model.length).as("the file grew and shrank").isPositive();
        assertThat(Arrays.stream(h2Steps).min().orElseThrow()).as("fewest steps of a kind taken by H2").isGreaterThan(10);
    }

    @Test
    void aFileOfAnEvenNumberOfPagesReadsInOnePass() throws IOException {
        byte[] pages = new byte[64 * PAGE];
        new Random(7).nextBytes(pages);
        Path path = dir.resolve("pages.mv.db");
        try (FileChannel h2 = h2(path)) {
            h2.write(ByteBuffer.wrap(pages), 0);
        }
        try (FileChannel file = ours(path)) {
            ByteBuffer all = ByteBuffer.allocate(pages.length);
            assertThat(file.read(all, 0)).isEqualTo(pages.length);
            assertThat(all.array()).isEqualTo(pages);
            ByteBuffer direct = ByteBuffer.allocateDirect(3 * PAGE);
            file.read(direct, 5L * PAGE);
            byte[] read = new byte[3 * PAGE];
            direct.flip().get(read);
            assertThat(read).isEqualTo(Arrays.copyOfRange(pages, 5 * PAGE, 8 * PAGE));
        }
    }

    /*
     * H2's FileEncrypt keeps the length of a file that is not a whole number of pages in the filler
     * after its last page, and misplaces it in cases the database never makes (it writes whole pages
     * and truncates at page boundaries): a part of a page written before the last page, a write
     * ending on the boundary of an uneven last page, a truncation inside the last whole page; and a
     * part of a page that reaches past the last page fails to read its surroundings. Those steps are
     * taken by ours, which handles them.
     */
    private static boolean h2WritesRight(long size, long position, int length) {
        long end = position + length;
        long grown = Math.max(size, end);
        boolean wholePages = position % PAGE == 0 && length % PAGE == 0;
        if (wholePages || grown % PAGE == 0) {
            return end <= size || size % PAGE == 0 || roundUp(size) < roundUp(end);
        }
        long start = position / PAGE * PAGE;
        // H2 reads the pages around a part of a page whole, and fails when they go past the end of the file
        boolean readable = start >= roundUp(size) || roundUp(end) <= roundUp(size);
        return readable && roundUp(end) == roundUp(grown);
    }

    private static boolean h2TruncatesRight(long size, long newSize) {
        return newSize % PAGE == 0 || roundUp(size) + size % PAGE >= newSize + PAGE;
    }

    private static byte[] write(FileChannel channel, byte[] model, long position, int length, Random random)
            throws IOException {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        assertThat(channel.write(ByteBuffer.wrap(bytes), position)).isEqualTo(length);
        byte[] next = Arrays.copyOf(model, (int) Math.max(model.length, position + length));
        System.arraycopy(bytes, 0, next, (int) position, length);
        if (position > model.length) {
            // a gap holds what decrypting the disk there gives: take it from the file itself
            ByteBuffer gap = ByteBuffer.allocate((int) position - model.length);
            channel.read(gap, model.length);
            System.arraycopy(gap.array(), 0, next, model.length, gap.capacity());
        }
        return next;
    }

    private static byte[] readAll(FileChannel channel, int length) throws IOException {
        ByteBuffer all = ByteBuffer.allocate(length);
        while (all.hasRemaining() && channel.read(all, all.position()) > 0) {
            // read on
        }
        return all.array();
    }

    private static long roundUp(long length) {
        return (length + PAGE - 1) / PAGE * PAGE;
    }

    private FileChannel h2(Path path) throws IOException {
        return new FileEncrypt(path.toString(), fileKey.clone(), raw(path));
    }

    private FileChannel ours(Path path) throws IOException {
        return new EncryptedFile(path.toString(), fileKey, raw(path));
    }

    private static FileChannel raw(Path path) throws IOException {
        return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
}

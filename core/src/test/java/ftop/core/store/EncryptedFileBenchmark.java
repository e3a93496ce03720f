package ftop.core.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.h2.store.fs.encrypt.FileEncrypt;

/**
 * What decrypting the workspace file costs: a 64 MB file in H2's encrypted format read in 4 KB
 * pages, as the store reads it, by H2's own {@link FileEncrypt} (its AES in Java) and by
 * {@link EncryptedFile} (the JDK's AES), in alternating rounds from a fresh JVM, with the CPU time
 * of the reading thread. The first round shows the cost before the JIT has compiled the code, as
 * at a cold start; the later ones the cost once it has. CPU time is the figure to compare.
 *
 * <p>Run from the repository root: {@code ./bench EncryptedFileBenchmark}.
 */
public final class EncryptedFileBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int MEGABYTES = 64;
    private static final int ROUNDS = 4;

    private EncryptedFileBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        byte[] fileKey = EncryptedFilePath.fileKey(WorkspaceKey.random().filePassword());
        Path file = Files.createTempFile("ftop-encrypted-file-", ".mv.db");
        try {
            byte[] content = new byte[MEGABYTES << 20];
            new Random(15).nextBytes(content);
            try (FileChannel h2 = new FileEncrypt(file.toString(), fileKey.clone(), open(file))) {
                h2.write(ByteBuffer.wrap(content), 0);
            }
            for (int round = 1; round <= ROUNDS; round++) {
                for (boolean jdk : new boolean[] {false, true}) {
                    long wall = System.nanoTime();
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    try (FileChannel channel = jdk ? new EncryptedFile(file.toString(), fileKey, open(file))
                            : new FileEncrypt(file.toString(), fileKey.clone(), open(file))) {
                        ByteBuffer page = ByteBuffer.allocate(XtsPages.PAGE);
                        for (long at = 0; at < content.length; at += XtsPages.PAGE) {
                            page.clear();
                            channel.read(page, at);
                        }
                    }
                    System.out.printf("Round %d, %-22s %d MB in 4 KB pages: CPU %,5d ms, wall %,5d ms%n", round,
                            jdk ? "the JDK's AES (ours):" : "H2's AES (FileEncrypt):", MEGABYTES,
                            (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000, (System.nanoTime() - wall) / 1_000_000);
                }
            }
        } finally {
            Files.delete(file);
        }
        System.out.printf("(system load average %.1f on %d processors)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
}

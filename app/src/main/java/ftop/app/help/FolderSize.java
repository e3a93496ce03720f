package ftop.app.help;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * How much a folder holds, all its subfolders included.
 *
 * @param files the number of files
 * @param bytes their size together
 */
public record FolderSize(long files, long bytes) {

    /** Adds up the files under {@code folder}; a folder that does not exist holds nothing. */
    public static FolderSize of(Path folder) {
        if (!Files.isDirectory(folder)) {
            return new FolderSize(0, 0);
        }
        long[] sums = new long[2];
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        sums[0]++;
                        sums[1] += attributes.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // a file deleted while counting (a database's temporary file) is simply not counted
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FolderSize(sums[0], sums[1]);
    }

    /** E.g. {@code 37 files, 12.4 MB}. */
    public String describe() {
        return String.format(Locale.ROOT, "%d %s, %.1f MB", files, files == 1 ? "file" : "files", bytes / 1_000_000.0);
    }
}

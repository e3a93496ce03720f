package ftop.app.review.export;

import ftop.core.review.MeetingPack;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a {@link MeetingPack} as a document people open, print or mail. */
public interface MeetingPackExporter {

    /** The file name extension of the documents written, without the dot, e.g. {@code "pdf"}. */
    String extension();

    /** Writes the pack to {@code out}; the stream is left open. */
    void write(MeetingPack pack, OutputStream out) throws IOException;

    /**
     * Writes the pack to {@code file}. The document is first written beside it and then moved into
     * place, so a failed export never leaves a half-written file where a good one was.
     */
    default void write(MeetingPack pack, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".ftop-export-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                write(pack, out);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

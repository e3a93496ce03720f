package ftop.core.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ftop.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps a meeting pack, with the presenters' edits, in a file between sessions: a manager who edits
 * briefs on Monday and closes the app finds them as left on Wednesday. The file is JSON, marked with
 * its format and version, and is replaced atomically so a crash never leaves half a pack.
 */
public final class MeetingPackFile {

    /** The value of the file's {@code format} field. */
    public static final String FORMAT = "ftop-meeting-pack";
    /** The version this code writes and reads. */
    public static final int VERSION = 1;

    private MeetingPackFile() {
    }

    /** Writes {@code pack} to {@code file}, replacing what was there only once the new file is complete. */
    public static void save(MeetingPack pack, Path file) throws IOException {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.set("pack", Json.mapper().valueToTree(pack));
        byte[] bytes = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);

        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".ftop-pack-", ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Reads a pack written by {@link #save}.
     *
     * @throws IOException with a message a person can act on when the file is missing, is not a meeting
     *                     pack, or was written by a newer FTOP
     */
    public static MeetingPack load(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("The meeting pack " + file + " does not exist.", e);
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not a saved meeting pack (it is not JSON).", e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw new IOException(file + " is not a saved meeting pack.");
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            throw new IOException(file + " was saved by " + (version > VERSION ? "a newer" : "an unknown")
                    + " version of FTOP (format version " + version + "); this version reads version " + VERSION + ".");
        }
        try {
            return Json.mapper().treeToValue(root.get("pack"), MeetingPack.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IOException(file + " holds a damaged meeting pack: " + originalMessage(e), e);
        }
    }

    private static String originalMessage(Exception e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }
}

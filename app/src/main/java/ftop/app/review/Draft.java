package ftop.app.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ftop.core.review.MeetingPack;
import ftop.core.review.MeetingPackFile;

/**
 * The meeting being prepared, as kept between sessions: the edited briefs and title in a
 * {@link MeetingPackFile}, the nominated TPIDs one per line beside it ({@code <file>.nominated}).
 */
record Draft(MeetingPack pack, List<Long> nominated) {

    Draft {
        nominated = List.copyOf(nominated);
    }

    static Path nominatedFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".nominated");
    }

    /** Writes both files; each is replaced only once complete. */
    Void write(Path file) throws IOException {
        MeetingPackFile.save(pack, file);
        StringBuilder lines = new StringBuilder();
        for (long tpid : nominated) {
            lines.append(tpid).append('\n');
        }
        Path target = nominatedFile(file);
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".ftop-nominated-", ".tmp");
        try {
            Files.writeString(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return null;
    }

    /** The draft kept in {@code file}; empty when none was saved yet. */
    static Optional<Draft> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        MeetingPack pack = MeetingPackFile.load(file);
        List<Long> tpids = new ArrayList<>();
        Path list = nominatedFile(file);
        if (Files.exists(list)) {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                String s = line.strip();
                if (!s.isEmpty()) {
                    try {
                        tpids.add(Long.parseLong(s));
                    } catch (NumberFormatException e) {
                        throw new IOException(list + " is damaged: \"" + s + "\" is not a TPID.", e);
                    }
                }
            }
        }
        return Optional.of(new Draft(pack, tpids));
    }
}

package ftop.app.help;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ftop.app.logging.DesktopLogging;
import ftop.app.logging.Redaction;

/**
 * The last warnings and errors of the desktop's log: the first line of each (the stack traces stay
 * in the file), newest last. Reads the end of the current log file, and of the files rolled over
 * before it when that holds too few.
 */
public final class RecentProblems {

    /** How many problems the diagnostics quote. */
    public static final int DEFAULT_COUNT = 20;
    /** How much of the end of each file is read: plenty for 20 problems, little for a 10 MB file. */
    private static final int TAIL_BYTES = 512 * 1024;
    /** How many log files (the current one and those rolled over before it) are looked at. */
    private static final int MAX_FILES = 3;
    private static final Pattern PROBLEM = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} (WARN|ERROR)\\b.*");

    private RecentProblems() {
    }

    /**
     * The last {@code count} WARN and ERROR lines in the log folder, oldest first; none when there
     * is no log yet. File I/O: call it off the FX thread.
     */
    public static List<String> in(Path logFolder, int count) {
        if (!Files.isDirectory(logFolder)) {
            return List.of();
        }
        Deque<String> found = new ArrayDeque<>();
        for (Path file : newestFirst(logFolder)) {
            List<String> problems = problemsIn(file);
            // an older file's problems come before the newer ones already found
            for (int i = problems.size() - 1; i >= 0 && found.size() < count; i--) {
                found.addFirst(problems.get(i));
            }
            if (found.size() >= count) {
                break;
            }
        }
        return new ArrayList<>(found);
    }

    private static List<Path> newestFirst(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith("ftop") && name.endsWith(".log") && Files.isRegularFile(f);
            }).sorted(Comparator.comparing(RecentProblems::modified).reversed()
                    // the current file first on a tie: it is the one being written
                    .thenComparing(f -> !f.getFileName().toString().equals(DesktopLogging.FILE)))
                    .limit(MAX_FILES).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static List<String> problemsIn(Path file) {
        String tail = tailOf(file);
        List<String> problems = new ArrayList<>();
        for (String line : tail.split("\\R")) {
            if (PROBLEM.matcher(line).matches()) {
                // written redacted already; again in case the file was written by an older version
                problems.add(Redaction.message(line.strip()));
            }
        }
        return problems;
    }

    private static String tailOf(Path file) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            long start = Math.max(0, size - TAIL_BYTES);
            channel.position(start);
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - start));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read to the end
            }
            buffer.flip();
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(buffer).toString();
            // a tail that starts inside a line drops that part line
            return start == 0 ? text : text.substring(Math.max(0, text.indexOf('\n') + 1));
        } catch (IOException e) {
            // a log file rolled over while reading is just not quoted
            return "";
        }
    }
}

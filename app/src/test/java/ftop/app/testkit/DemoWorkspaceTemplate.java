package ftop.app.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import ftop.app.AppFixtures;
import ftop.app.workspace.StoreWorkspace;

/**
 * The demo workspace as {@link StoreWorkspace#open} first makes it on the fixtures' clock, made once
 * per test JVM and copied into each test's empty folder: creating it (the store's migrations and the
 * demo data's load) is most of what opening a workspace costs, and hundreds of UI tests open one.
 * Opening the copy is the same as opening a workspace made before, which the app does every day.
 */
final class DemoWorkspaceTemplate {

    /** The store's database file, which only a workspace that exists has. */
    private static final String DATABASE_FILE = "ftop.mv.db";
    /** The lock of the process that has the workspace open; not part of what a workspace holds. */
    private static final String LOCK_FILE = "ftop.lock";

    private static Path template;

    private DemoWorkspaceTemplate() {
    }

    /**
     * Copies the demo workspace into {@code dir} when it holds no workspace yet; leaves anything
     * else (a workspace a test made, a folder that cannot be written) to the opening itself.
     */
    static void copyIntoEmpty(Path dir) {
        if (Files.exists(dir.resolve(DATABASE_FILE)) || !isEmptyOrMissing(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            for (Path file : files(template())) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the demo workspace into " + dir, e);
        }
    }

    private static synchronized Path template() throws IOException {
        if (template == null) {
            Path dir = Files.createTempDirectory("ftop-demo-template");
            // deleted on exit in the reverse order: the files, then the folder
            dir.toFile().deleteOnExit();
            StoreWorkspace.open("demo", Optional.of(dir), AppFixtures.TODAY, AppFixtures.clock()).close();
            Files.deleteIfExists(dir.resolve(LOCK_FILE));
            for (Path file : files(dir)) {
                file.toFile().deleteOnExit();
            }
            template = dir;
        }
        return template;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(LOCK_FILE)).toList();
        }
    }

    private static boolean isEmptyOrMissing(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}

package ftop.app.help;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Shows a folder in the desktop's file manager. */
@FunctionalInterface
public interface FolderOpener {

    /**
     * Opens {@code folder} in the file manager; blocks while the system's command runs, so call it
     * off the FX thread.
     *
     * @return false when it could not be done (no file manager, no desktop)
     */
    boolean open(Path folder);

    /**
     * The system's own command: {@code xdg-open} on Linux and other Unix desktops, {@code open} on
     * macOS, Explorer on Windows. AWT's {@code Desktop} is not used: on Linux it loads a second GTK
     * beside JavaFX's.
     */
    static FolderOpener system() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            // Explorer's exit code says nothing (it is 1 on success): started is as good as it gets
            return folder -> run(List.of("explorer.exe", folder.toString()), false);
        }
        String command = os.startsWith("mac") ? "open" : "xdg-open";
        return folder -> run(List.of(command, folder.toString()), true);
    }

    private static boolean run(List<String> command, boolean exitCodeTells) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // xdg-open and open return once the file manager is asked; one that keeps running counts as opened
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                return true;
            }
            return !exitCodeTells || process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

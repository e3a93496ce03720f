package ftop.app.review;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import javafx.scene.Node;
import javafx.stage.FileChooser;

/**
 * Asks where to save an exported meeting pack. The view asks through this interface rather than
 * opening a {@link FileChooser} itself, so tests can answer with a temporary file.
 */
@FunctionalInterface
public interface ExportFileChooser {

    /**
     * Asks for the file to write; empty when the person cancelled.
     *
     * @param owner         a node of the window the dialog belongs to
     * @param format        the document type being written
     * @param suggestedName the file name offered, with its extension
     */
    Optional<Path> choose(Node owner, ExportFormat format, String suggestedName);

    /** The real thing: the system's save dialog, starting in the folder used last. */
    static ExportFileChooser system() {
        File[] lastFolder = new File[1];
        return (owner, format, suggestedName) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the meeting pack as " + format.label());
            chooser.setInitialFileName(suggestedName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.label(), "*." + format.extension()));
            if (lastFolder[0] != null && lastFolder[0].isDirectory()) {
                chooser.setInitialDirectory(lastFolder[0]);
            }
            File chosen = chooser.showSaveDialog(owner == null || owner.getScene() == null ? null
                    : owner.getScene().getWindow());
            if (chosen == null) {
                return Optional.empty();
            }
            lastFolder[0] = chosen.getParentFile();
            // some desktops return the name without the extension the filter promised
            String name = chosen.getName();
            if (!name.toLowerCase(Locale.ROOT).endsWith("." + format.extension())) {
                chosen = new File(chosen.getParentFile(), name + "." + format.extension());
            }
            return Optional.of(chosen.toPath());
        };
    }

    /** Always answers {@code file}; for tests. */
    static ExportFileChooser always(Path file) {
        return (owner, format, suggestedName) -> Optional.of(file);
    }
}

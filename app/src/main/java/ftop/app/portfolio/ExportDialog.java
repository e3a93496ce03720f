package ftop.app.portfolio;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks where to save an export. A small service so that tests can answer with a path instead of a
 * native file chooser.
 */
@FunctionalInterface
public interface ExportDialog {

    /**
     * @param owner         the window the dialog belongs to
     * @param suggestedName the file name offered, e.g. {@code portfolio-customers.csv}
     * @return the chosen file, or empty when the user cancelled
     */
    Optional<Path> askWhereToSave(Window owner, String suggestedName);

    /** The platform's save dialog, offering CSV files. */
    static ExportDialog fileChooser() {
        return (owner, suggestedName) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the shown rows");
            chooser.setInitialFileName(suggestedName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
        };
    }
}

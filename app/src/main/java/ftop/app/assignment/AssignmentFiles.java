package ftop.app.assignment;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the person for an assignment CSV file to read or write. Views ask through this interface
 * rather than opening a {@link FileChooser} themselves, so tests can answer without a native dialog.
 */
public interface AssignmentFiles {

    /** The file to import, or empty when the person cancelled. */
    Optional<Path> chooseImport(Window owner);

    /** Where to export, or empty when the person cancelled. */
    Optional<Path> chooseExport(Window owner, String suggestedName);

    /** The system's file choosers, filtered to CSV files. */
    static AssignmentFiles system() {
        return new AssignmentFiles() {
            @Override
            public Optional<Path> chooseImport(Window owner) {
                FileChooser chooser = chooser("Import assignments");
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseExport(Window owner, String suggestedName) {
                FileChooser chooser = chooser("Export assignments");
                chooser.setInitialFileName(suggestedName);
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            private FileChooser chooser(String title) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
                return chooser;
            }
        };
    }

    /** Always answers with {@code file}; for tests. */
    static AssignmentFiles fixed(Path file) {
        return new AssignmentFiles() {
            @Override
            public Optional<Path> chooseImport(Window owner) {
                return Optional.of(file);
            }

            @Override
            public Optional<Path> chooseExport(Window owner, String suggestedName) {
                return Optional.of(file);
            }
        };
    }
}

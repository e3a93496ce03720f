package ftop.app.help;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import ftop.app.logging.DesktopLogging;
import ftop.app.sync.SyncSession;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.Workspace;
import ftop.core.store.WorkspaceReads;

/**
 * The header's Help menu: "Copy diagnostics" puts on the clipboard what support needs (see
 * {@link Diagnostics}) and shows it; "Open log folder" shows the workspace's log folder in the
 * file manager, or its path to copy when that cannot be done. Gathering the facts and opening the
 * folder run in the background.
 */
public final class HelpMenu {

    private final Path workspace;
    private final Callable<Diagnostics> diagnostics;
    private final BackgroundTasks tasks;
    private final FolderOpener opener;
    private final ZoneId zone;

    /**
     * @param workspace   the workspace folder (its log folder is {@code logs} inside it)
     * @param diagnostics gathers the facts; called on a background thread
     * @param tasks       runs the file and store work
     * @param opener      shows a folder in the file manager; called on a background thread
     * @param zone        the time zone of the times in the text
     */
    public HelpMenu(Path workspace, Callable<Diagnostics> diagnostics, BackgroundTasks tasks, FolderOpener opener,
            ZoneId zone) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * The Help menu of the workspace {@code workspace} in {@code folder}: diagnostics from its store
     * and its sync, if any; folders open in the system's file manager.
     */
    public static HelpMenu forWorkspace(Path folder, Workspace workspace, Optional<SyncSession> sync,
            BackgroundTasks tasks, Clock clock) {
        Optional<WorkspaceReads> reads = Optional.of(workspace.reads());
        return new HelpMenu(folder,
                () -> Diagnostics.collect(folder, reads, sync, Optional.of(workspace.userId()), clock), tasks,
                FolderOpener.system(), clock.getZone());
    }

    /** The menu button for the header. */
    public MenuButton button() {
        MenuItem copy = new MenuItem("Copy diagnostics");
        copy.setId("copyDiagnosticsItem");
        MenuItem logs = new MenuItem("Open log folder");
        logs.setId("openLogFolderItem");
        MenuButton menu = new MenuButton("Help", new FontIcon(Material2AL.HELP_OUTLINE), copy, logs);
        menu.setId("helpMenu");
        menu.getStyleClass().add(Styles.FLAT);
        menu.setTooltip(new Tooltip("Diagnostics and logs for support"));
        copy.setOnAction(e -> copyDiagnostics(owner(menu)));
        logs.setOnAction(e -> openLogFolder(owner(menu)));
        return menu;
    }

    /** Gathers the diagnostics in the background, then puts them on the clipboard and shows them. */
    public void copyDiagnostics(Window owner) {
        tasks.run(() -> diagnostics.call().text(zone), text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
            showCopied(owner, text);
        }, failure -> error(owner, "The diagnostics could not be gathered", failure));
    }

    /** Opens the log folder in the file manager; when that cannot be done, shows its path to copy. */
    public void openLogFolder(Window owner) {
        Path folder = DesktopLogging.folder(workspace).toAbsolutePath();
        tasks.run(() -> {
            // the folder exists once something was logged; an empty one is still the right place to show
            Files.createDirectories(folder);
            return opener.open(folder);
        }, opened -> {
            if (!opened) {
                showPath(owner, folder);
            }
        }, failure -> showPath(owner, folder));
    }

    private static void showCopied(Window owner, String text) {
        TextArea area = new TextArea(text);
        area.setId("diagnosticsText");
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefSize(720, 360);
        Alert alert = alert(owner, Alert.AlertType.INFORMATION, "Diagnostics copied to the clipboard");
        alert.getDialogPane().setId("diagnosticsDialog");
        alert.getDialogPane().setContent(area);
        alert.setResizable(true);
        alert.show();
    }

    private static void showPath(Window owner, Path folder) {
        TextField path = new TextField(folder.toString());
        path.setId("logFolderPath");
        path.setEditable(false);
        path.setPrefColumnCount(48);
        Alert alert = alert(owner, Alert.AlertType.INFORMATION, "The log folder could not be opened here");
        alert.getDialogPane().setId("logFolderDialog");
        alert.getDialogPane().setContent(new VBox(8,
                new Label("The logs are in this folder; copy its path to open it:"), path));
        // the path has the focus, selected: Ctrl+C copies it, Esc closes
        alert.setOnShown(e -> {
            path.requestFocus();
            path.selectAll();
        });
        alert.show();
        path.selectAll();
    }

    private static void error(Window owner, String header, Throwable failure) {
        Alert alert = alert(owner, Alert.AlertType.ERROR, header);
        alert.setContentText(failure.getMessage() == null ? failure.toString() : failure.getMessage());
        alert.show();
    }

    private static Alert alert(Window owner, Alert.AlertType type, String header) {
        Alert alert = new Alert(type, "", ButtonType.CLOSE);
        alert.setTitle("FTOP Desktop");
        alert.setHeaderText(header);
        if (owner != null) {
            alert.initOwner(owner);
        }
        return alert;
    }

    private static Window owner(MenuButton menu) {
        return menu.getScene() == null ? null : menu.getScene().getWindow();
    }
}

package ftop.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import ftop.core.store.LocalStore;

class WorkspaceLocationTest {

    private static final Map<String, String> NOTHING = Map.of();

    @Test
    void thePlainJarKeepsItsWorkspacesInTheDotFtopFolder() {
        Path folder = WorkspaceLocation.defaultDirectory("demo", NOTHING::get, properties("Linux", false)::get);

        assertThat(folder).isEqualTo(LocalStore.defaultDirectory("demo"));
    }

    @Test
    void theInstalledAppOnLinuxFollowsTheXdgDataFolder() {
        Map<String, String> linux = properties("Linux", true);

        assertThat(WorkspaceLocation.defaultDirectory("demo", NOTHING::get, linux::get))
                .isEqualTo(Path.of("/home/megan/.local/share/ftop/demo"));
        assertThat(WorkspaceLocation.defaultDirectory("work", Map.of("XDG_DATA_HOME", "/data/megan")::get, linux::get))
                .isEqualTo(Path.of("/data/megan/ftop/work"));
        // a relative XDG_DATA_HOME is invalid by the specification and ignored
        assertThat(WorkspaceLocation.defaultDirectory("demo", Map.of("XDG_DATA_HOME", "data")::get, linux::get))
                .isEqualTo(Path.of("/home/megan/.local/share/ftop/demo"));
    }

    @Test
    void theInstalledAppOnWindowsAndMacUsesTheirApplicationDataFolders() {
        UnaryOperator<String> local = Map.of("LOCALAPPDATA", "/users/megan/appdata/local")::get;
        assertThat(WorkspaceLocation.defaultDirectory("demo", local, properties("Windows 11", true)::get))
                .isEqualTo(Path.of("/users/megan/appdata/local", "FTOP", "demo"));
        assertThat(WorkspaceLocation.defaultDirectory("demo", NOTHING::get, properties("Windows 11", true)::get))
                .isEqualTo(Path.of("/home/megan", "AppData", "Local", "FTOP", "demo"));
        assertThat(WorkspaceLocation.defaultDirectory("demo", NOTHING::get, properties("Mac OS X", true)::get))
                .isEqualTo(Path.of("/home/megan", "Library", "Application Support", "FTOP", "demo"));
    }

    @Test
    void ftopHomeWinsEverywhere() {
        UnaryOperator<String> env = Map.of("FTOP_HOME", "/srv/ftop", "XDG_DATA_HOME", "/data")::get;

        assertThat(WorkspaceLocation.defaultDirectory("demo", env, properties("Linux", true)::get))
                .isEqualTo(Path.of("/srv/ftop/demo"));
        assertThat(WorkspaceLocation.defaultDirectory("demo", env, properties("Linux", false)::get))
                .isEqualTo(Path.of("/srv/ftop/demo"));
    }

    @Test
    void aProfileNameThatIsNoFolderNameIsRefused() {
        assertThatThrownBy(() -> WorkspaceLocation.defaultDirectory("../etc", NOTHING::get,
                properties("Linux", true)::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"../etc\" is not");
    }

    private static Map<String, String> properties(String os, boolean installed) {
        return installed
                ? Map.of("os.name", os, "user.home", "/home/megan", WorkspaceLocation.INSTALLED_PROPERTY, "/opt/ftop/bin/FTOP")
                : Map.of("os.name", os, "user.home", "/home/megan");
    }
}

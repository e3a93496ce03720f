package ftop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AppOptionsTest {

    @Test
    void noArgumentsOpenTheDemoProfileInItsDefaultPlace() {
        AppOptions options = AppOptions.parse();

        assertThat(options).isEqualTo(AppOptions.defaults());
        assertThat(options.profile()).isEqualTo("demo");
        assertThat(options.home()).isEmpty();
        assertThat(options.screenshot()).isEmpty();
        assertThat(options.dark()).isFalse();
    }

    @Test
    void everyOptionIsRead() {
        AppOptions options = AppOptions.parse("--profile", "emea", "--home", "/tmp/ws", "--screenshot", "shot.png",
                "--dark", "--customer", "Contoso");

        assertThat(options.profile()).isEqualTo("emea");
        assertThat(options.home()).contains(Path.of("/tmp/ws"));
        assertThat(options.screenshot()).contains(Path.of("shot.png"));
        assertThat(options.dark()).isTrue();
        assertThat(options.customer()).contains("Contoso");
    }

    @Test
    void anUnknownOptionIsRefusedWithItsName() {
        assertThatThrownBy(() -> AppOptions.parse("--colour", "red"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--colour");
    }

    @Test
    void aGeneratedDataSetIsChosenByItsScale() {
        assertThat(AppOptions.parse("--dataset", "S1500").dataset())
                .contains(ftop.core.dataset.DatasetGenerator.Scale.S1500);
        assertThat(AppOptions.parse().dataset()).isEmpty();
        assertThatThrownBy(() -> AppOptions.parse("--dataset", "HUGE"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("HUGE");
    }

    @Test
    void theCompanyCaAndPlainHttpAreExplicitOptions() {
        AppOptions options = AppOptions.parse("--ca-file", "/etc/ftop/company-ca.pem", "--allow-plain-http");
        assertThat(options.security().companyCa()).contains(Path.of("/etc/ftop/company-ca.pem"));
        assertThat(options.security().allowPlainHttp()).isTrue();
        assertThat(AppOptions.parse().security().allowPlainHttp()).isFalse();
        assertThat(AppOptions.defaults().security().companyCa()).isEmpty();
    }

    @Test
    void exitWhenReadyIsForStartUpMeasurementsOnly() {
        assertThat(AppOptions.parse("--exit-when-ready").exitWhenReady()).isTrue();
        assertThat(AppOptions.parse().exitWhenReady()).isFalse();
    }

    @Test
    void theWorkspaceFolderIsHomeWhenGivenElseTheProfilesDefault() {
        assertThat(AppOptions.parse("--home", "/tmp/ws").workspaceDirectory()).isEqualTo(Path.of("/tmp/ws"));
        assertThat(AppOptions.parse("--profile", "emea").workspaceDirectory())
                .isEqualTo(ftop.app.workspace.WorkspaceLocation.defaultDirectory("emea"));
    }
}

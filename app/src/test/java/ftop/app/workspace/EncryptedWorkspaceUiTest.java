package ftop.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Labeled;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppOptions;
import ftop.app.FtopApplication;
import ftop.app.tasks.Scheduler;
import ftop.core.store.PassphraseKeys;

/**
 * A laptop without a credential store: the real app asks for a passphrase for a workspace that
 * may hold a server's data, says clearly what is wrong with an answer (too short, typed
 * differently twice, wrong), and opens the encrypted workspace with the right one.
 */
class EncryptedWorkspaceUiTest extends FxRobot {

    private static final String PASSPHRASE = "kangaroo meadow lantern";

    @TempDir
    Path home;

    private FtopApplication app;

    /** A credential store that is not there, as on a headless Linux. */
    private static final CredentialStore NONE = new CredentialStore() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public Optional<String> get(String account) {
            throw new AssertionError("not available");
        }

        @Override
        public void put(String account, String secret) {
            throw new AssertionError("not available");
        }

        @Override
        public void remove(String account) {
            throw new AssertionError("not available");
        }
    };

    private void startApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        AppOptions options = new AppOptions("work", Optional.of(home), Optional.empty(), false, Optional.empty());
        DesktopKeys keys = new DesktopKeys(NONE, new PassphraseKeys(PassphraseDialog.prompt(), 1_000));
        app = (FtopApplication) FxToolkit.setupApplication(() -> new FtopApplication(options, StoreWorkspace::open,
                Clock.systemDefaultZone(), true, Scheduler.fx(), keys));
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void aPassphraseIsChosenWithClearMessagesAndAWrongOneIsRefusedAtTheNextStart() throws Exception {
        startApp();
        waitFor("#passphraseDialog");
        clickOn("#passphrase").write("too short");
        clickOn("#passphraseAgain").write("too short");
        clickOn("#passphraseOk");
        waitForText("#passphraseError", PassphraseKeys.MIN_LENGTH + " characters");

        clickOn("#passphrase").write(PASSPHRASE);
        clickOn("#passphraseAgain").write(PASSPHRASE + "!");
        clickOn("#passphraseOk");
        waitForText("#passphraseError", "differ");
        clickOn("#passphraseAgain").write(PASSPHRASE);
        clickOn("#passphraseOk");
        waitFor("#syncState");
        assertThat(header(home.resolve("ftop.mv.db"))).isEqualTo("H2encrypt");

        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        app = null;

        startApp();
        waitFor("#passphraseDialog");
        assertThat(lookup("#passphraseAgain").tryQuery()).isEmpty();
        clickOn("#passphrase").write("kangaroo meadow lantern?");
        clickOn("#passphraseOk");
        waitForText("#passphraseError", "does not unlock this workspace");
        clickOn("#passphrase").write(PASSPHRASE);
        clickOn("#passphraseOk");
        waitFor("#syncState");
    }

    private static String header(Path file) throws Exception {
        byte[] start = new byte[9];
        try (var in = Files.newInputStream(file)) {
            in.readNBytes(start, 0, start.length);
        }
        return new String(start, StandardCharsets.US_ASCII);
    }

    private void waitFor(String query) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lookup(query).tryQuery().filter(n -> n.isVisible()).isPresent());
    }

    private void waitForText(String query, String part) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup(query).tryQuery()
                .map(n -> ((Labeled) n).getText().contains(part)).orElse(false));
    }
}

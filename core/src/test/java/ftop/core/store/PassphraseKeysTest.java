package ftop.core.store;

import static ftop.core.store.StoreTestData.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace behind a passphrase, where the laptop has no credential store: chosen once (long
 * enough), asked again at each opening, a wrong one refused with a clear message before the file
 * is touched, and giving up leaves the workspace as it was.
 */
class PassphraseKeysTest {

    private static final int ROUNDS = 1_000;

    @TempDir
    Path dir;

    /** Answers from a script and records what it was asked. */
    private static final class Script implements PassphraseKeys.Prompt {
        final Deque<String> answers = new ArrayDeque<>();
        final List<String> asked = new ArrayList<>();

        Script(String... answers) {
            this.answers.addAll(List.of(answers));
        }

        @Override
        public Optional<char[]> ask(Path workspace, boolean choosing, Optional<String> problem) {
            asked.add((choosing ? "choose" : "unlock") + problem.map(p -> ": " + p).orElse(""));
            String answer = answers.poll();
            return answer == null || answer.equals("CANCEL") ? Optional.empty() : Optional.of(answer.toCharArray());
        }
    }

    @Test
    void aPassphraseIsChosenThenAskedAgainAndAWrongOneIsRefusedClearly() {
        Script choosing = new Script("short", "correct horse battery");
        try (LocalStore store = LocalStore.open(dir, CLOCK, new PassphraseKeys(choosing, ROUNDS))) {
            store.bulkLoad(StoreTestData.contoso(), 1);
        }
        assertThat(choosing.asked).containsExactly("choose", "choose: " + PassphraseKeys.TOO_SHORT);
        assertThat(WorkspaceKeyFile.read(dir)).get()
                .satisfies(note -> assertThat(note.source()).isEqualTo(WorkspaceKeyFile.PASSPHRASE))
                .satisfies(note -> assertThat(note.attributes()).containsKeys("salt", "rounds", "check"));

        Script unlocking = new Script("correct horse battery staple", "correct horse battery");
        try (LocalStore store = LocalStore.open(dir, CLOCK, new PassphraseKeys(unlocking, ROUNDS))) {
            assertThat(store.customers().count()).isEqualTo(2);
        }
        assertThat(unlocking.asked).containsExactly("unlock", "unlock: " + PassphraseKeys.WRONG);
    }

    @Test
    void givingUpLeavesTheWorkspaceAsItWas() throws Exception {
        try (LocalStore store = LocalStore.open(dir, CLOCK, new PassphraseKeys(new Script("correct horse battery"), ROUNDS))) {
            store.bulkLoad(StoreTestData.contoso(), 1);
        }
        byte[] before = Files.readAllBytes(dir.resolve(StoreEncryption.FILE));

        assertThatThrownBy(() -> LocalStore.open(dir, CLOCK, new PassphraseKeys(new Script("wrong passphrase!", "CANCEL"), ROUNDS)))
                .isInstanceOf(StoreException.class)
                .hasMessage(PassphraseKeys.CANCELLED);

        assertThat(Files.readAllBytes(dir.resolve(StoreEncryption.FILE))).isEqualTo(before);
        try (LocalStore store = LocalStore.open(dir, CLOCK, new PassphraseKeys(new Script("correct horse battery"), ROUNDS))) {
            assertThat(store.customers().count()).isEqualTo(2);
        }
    }

    @Test
    void aNewWorkspaceGivenNoPassphraseIsNotCreated() {
        assertThatThrownBy(() -> LocalStore.open(dir, CLOCK, new PassphraseKeys(new Script("CANCEL"), ROUNDS)))
                .isInstanceOf(StoreException.class)
                .hasMessage(PassphraseKeys.CANCELLED);
        assertThat(dir.resolve(StoreEncryption.FILE)).doesNotExist();
        assertThat(dir.resolve(WorkspaceKeyFile.NAME)).doesNotExist();
    }
}

package ftop.core.store;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Workspace keys derived from a passphrase the person types, for laptops without a credential
 * store: PBKDF2 with HMAC-SHA512 at OWASP's 210,000 rounds and a random salt kept in the
 * workspace's {@link WorkspaceKeyFile}. A wrong passphrase is recognised by the note's check value
 * and asked again with a clear message; nothing is opened or changed with it.
 */
public final class PassphraseKeys implements WorkspaceKeys {

    /** How the app asks for a passphrase; called on the thread that opens the workspace. */
    @FunctionalInterface
    public interface Prompt {
        /**
         * Asks for the passphrase of {@code workspace}.
         *
         * @param choosing true when the workspace has none yet and the person chooses one
         * @param problem  why the last answer was refused, or empty
         * @return the passphrase, or empty when the person cancels
         */
        Optional<char[]> ask(Path workspace, boolean choosing, Optional<String> problem);
    }

    /** OWASP's advice for PBKDF2-HMAC-SHA512. */
    public static final int ROUNDS = 210_000;
    /** The shortest passphrase taken. */
    public static final int MIN_LENGTH = 10;
    static final String WRONG = "That passphrase does not unlock this workspace. Check it and try again.";
    static final String TOO_SHORT = "A passphrase is at least " + MIN_LENGTH + " characters long.";
    static final String CANCELLED = "The workspace stays locked: no passphrase was given.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Prompt prompt;
    private final int rounds;

    public PassphraseKeys(Prompt prompt) {
        this(prompt, ROUNDS);
    }

    /** With fewer rounds for a new passphrase, for tests; a note's own rounds are always used. */
    public PassphraseKeys(Prompt prompt, int rounds) {
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.rounds = rounds;
    }

    @Override
    public WorkspaceKey key(Path workspace) {
        Optional<WorkspaceKeyFile> note = WorkspaceKeyFile.read(workspace);
        if (note.isPresent()) {
            if (!WorkspaceKeyFile.PASSPHRASE.equals(note.get().source())) {
                throw new StoreException("The key of this workspace is kept in the system's credential store, "
                        + "not behind a passphrase.");
            }
            return unlock(workspace, note.get());
        }
        return choose(workspace);
    }

    private WorkspaceKey unlock(Path workspace, WorkspaceKeyFile note) {
        byte[] salt = decode(workspace, note, "salt");
        byte[] check = decode(workspace, note, "check");
        int noteRounds;
        try {
            noteRounds = Integer.parseInt(note.require(workspace, "rounds"));
        } catch (NumberFormatException e) {
            throw new StoreException("The key note " + workspace.resolve(WorkspaceKeyFile.NAME) + " is damaged (rounds).", e);
        }
        Optional<String> problem = Optional.empty();
        while (true) {
            char[] passphrase = prompt.ask(workspace, false, problem).orElseThrow(() -> new StoreException(CANCELLED));
            WorkspaceKey key = derive(passphrase, salt, noteRounds);
            if (MessageDigest.isEqual(check, checkOf(key))) {
                return key;
            }
            problem = Optional.of(WRONG);
        }
    }

    private WorkspaceKey choose(Path workspace) {
        Optional<String> problem = Optional.empty();
        while (true) {
            char[] passphrase = prompt.ask(workspace, true, problem).orElseThrow(() -> new StoreException(CANCELLED));
            if (passphrase.length < MIN_LENGTH) {
                Arrays.fill(passphrase, '\0');
                problem = Optional.of(TOO_SHORT);
                continue;
            }
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            WorkspaceKey key = derive(passphrase, salt, rounds);
            Base64.Encoder base64 = Base64.getEncoder();
            new WorkspaceKeyFile(WorkspaceKeyFile.PASSPHRASE, Map.of(
                    "kdf", "PBKDF2WithHmacSHA512",
                    "rounds", Integer.toString(rounds),
                    "salt", base64.encodeToString(salt),
                    "check", base64.encodeToString(checkOf(key)))).write(workspace);
            return key;
        }
    }

    /** The note goes with the workspace; there is nothing else to forget. */
    @Override
    public void forget(Path workspace) {
    }

    private static byte[] decode(Path workspace, WorkspaceKeyFile note, String name) {
        try {
            return Base64.getDecoder().decode(note.require(workspace, name));
        } catch (IllegalArgumentException e) {
            throw new StoreException("The key note " + workspace.resolve(WorkspaceKeyFile.NAME) + " is damaged ("
                    + name + ").", e);
        }
    }

    /** A value that tells a right passphrase from a wrong one and reveals nothing of the key. */
    private static byte[] checkOf(WorkspaceKey key) {
        return key.subKey("passphrase check");
    }

    static WorkspaceKey derive(char[] passphrase, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, rounds, WorkspaceKey.BYTES * 8);
        try {
            return WorkspaceKey.of(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is part of every Java runtime", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(passphrase, '\0');
        }
    }
}

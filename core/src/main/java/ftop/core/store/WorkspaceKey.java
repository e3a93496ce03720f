package ftop.core.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that encrypts one workspace's database file: 256 random bits kept in the system's
 * credential store, or derived from a passphrase where there is none. It is the file password of
 * H2's {@code CIPHER=AES} format, which {@link EncryptedFilePath} reads and writes; {@link #subKey(String)} derives the keys of the secrets the
 * store keeps sealed inside the file (the session token).
 */
public final class WorkspaceKey {

    /** The key's length in bytes. */
    public static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    private WorkspaceKey(byte[] secret) {
        if (secret.length != BYTES) {
            throw new IllegalArgumentException("A workspace key is " + BYTES + " bytes, not " + secret.length);
        }
        this.secret = secret.clone();
    }

    /** A new random key. */
    public static WorkspaceKey random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new WorkspaceKey(bytes);
    }

    /** The key of these 32 bytes (e.g. derived from a passphrase). */
    public static WorkspaceKey of(byte[] secret) {
        return new WorkspaceKey(Objects.requireNonNull(secret, "secret"));
    }

    /**
     * The key written by {@link #encoded()}.
     *
     * @throws IllegalArgumentException when {@code text} is not one
     */
    public static WorkspaceKey decode(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return new WorkspaceKey(Base64.getDecoder().decode(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The stored workspace key is damaged", e);
        }
    }

    /** The key as text, for a credential store. */
    public String encoded() {
        return Base64.getEncoder().encodeToString(secret);
    }

    /** The file password the AES key of H2's file format is derived from: the key in hex. */
    char[] filePassword() {
        return HexFormat.of().formatHex(secret).toCharArray();
    }

    /** A key of its own for {@code purpose} (HMAC-SHA256 of the purpose under this key). */
    byte[] subKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(("ftop workspace " + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkspaceKey key && Arrays.equals(secret, key.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(secret);
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "WorkspaceKey[hidden]";
    }
}

package ftop.core.store;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings that are secrets (the session token): sealed with AES-GCM under a key of their own,
 * derived from the workspace key, before they reach the settings table. So a token is never in
 * plain text in the database, not even in a page H2 left behind or in a copy of the file someone
 * opened with the file key alone. The setting's name is bound to its value (GCM's associated
 * data): a sealed value moved to another name does not open. A plain workspace (tools and tests)
 * has no key and keeps its secrets as they are.
 */
final class Secrets {

    private static final Logger LOG = LoggerFactory.getLogger(Secrets.class);
    static final String PREFIX = "sealed:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Settings settings;
    private final SecretKeySpec key;

    Secrets(Settings settings, Optional<WorkspaceKey> workspaceKey) {
        this.settings = settings;
        this.key = workspaceKey.map(k -> new SecretKeySpec(k.subKey("sealed settings"), "AES")).orElse(null);
    }

    void put(String name, String value) {
        Objects.requireNonNull(value, "value");
        settings.put(name, key == null ? value : seal(name, value));
    }

    /**
     * The secret {@code name}; one kept in plain text by an earlier version is sealed now. One that
     * does not open (damaged, or moved from another name) counts as absent: the person signs in again.
     */
    Optional<String> get(String name) {
        Optional<String> stored = settings.get(name);
        if (stored.isEmpty() || key == null) {
            return stored;
        }
        String text = stored.get();
        if (!text.startsWith(PREFIX)) {
            settings.put(name, seal(name, text));
            return stored;
        }
        try {
            ByteBuffer sealed = ByteBuffer.wrap(Base64.getDecoder().decode(text.substring(PREFIX.length())));
            byte[] iv = new byte[IV_BYTES];
            sealed.get(iv);
            byte[] body = new byte[sealed.remaining()];
            sealed.get(body);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, name, iv);
            return Optional.of(new String(cipher.doFinal(body), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException | BufferUnderflowException e) {
            LOG.warn("The sealed setting {} does not open; it is taken as absent", name);
            return Optional.empty();
        }
    }

    private String seal(String name, String value) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            byte[] body = cipher(Cipher.ENCRYPT_MODE, name, iv).doFinal(value.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + body.length)
                    .put(iv).put(body).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private Cipher cipher(int mode, String name, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}

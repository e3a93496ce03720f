package ftop.core.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * H2's page encryption (XTS-AES over 4 KB pages, as {@code org.h2.store.fs.encrypt.XTS} applies it
 * to every page of a {@code CIPHER=AES} file) computed with the JDK's AES, which runs on the
 * processor's AES instructions, instead of H2's AES written in Java.
 *
 * <p>The format is H2's to the bit: one AES-128 key encrypts both the tweaks and the data; the
 * tweak of a page is its number (the page's position in the file after the header, divided by
 * 4,096) as 16 little-endian bytes, encrypted; the tweak of each following 16-byte block of the
 * page is the previous one multiplied by x in GF(2^128) (shift left by one bit in little-endian
 * order, {@code 0x87} fed back into the lowest byte). H2 only ever encrypts whole pages, so its
 * ciphertext stealing for a length that is not a multiple of 16 never applies and is not needed
 * here. Rather than one AES call per 16 bytes, all tweaks of a run of pages are encrypted in one
 * call, XOR-ed over the data, and the whole run is decrypted (or encrypted) in one more.
 *
 * <p>Ported from H2's {@code XTS} and {@code SHA256.getPBKDF2} (H2 Group, multiple-licensed under
 * the MPL 2.0 and the EPL 1.0, https://h2database.com/html/license.html). Safe for concurrent use.
 */
final class XtsPages {

    /** The size of a page: H2 encrypts each one on its own. */
    static final int PAGE = 4096;
    private static final int BLOCK = 16;
    private static final int GF_128_FEEDBACK = 0x87;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final String TRANSFORMATION = "AES/ECB/NoPadding";

    private final SecretKeySpec key;
    private final Queue<Cipher> encryptors = new ConcurrentLinkedQueue<>();
    private final Queue<Cipher> decryptors = new ConcurrentLinkedQueue<>();

    /** The pages encrypted under this AES-128 key. */
    XtsPages(byte[] aesKey) {
        if (aesKey.length != BLOCK) {
            throw new IllegalArgumentException("H2 encrypts its files with AES-128, not a key of " + aesKey.length + " bytes");
        }
        this.key = new SecretKeySpec(aesKey, "AES");
    }

    /**
     * The AES key H2 derives from a file's key bytes and salt: PBKDF2 with HMAC-SHA256, 10 rounds,
     * 16 bytes (H2's {@code FileEncrypt}; an empty key counts as one zero byte, as in H2).
     */
    static XtsPages derive(byte[] fileKey, byte[] salt, int iterations) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(fileKey.length == 0 ? new byte[1] : fileKey, "HmacSHA256"));
            byte[] result = new byte[BLOCK];
            mac.update(salt);
            byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
            for (int round = 0; round < iterations; round++) {
                if (round > 0) {
                    u = mac.doFinal(u);
                }
                for (int i = 0; i < BLOCK; i++) {
                    result[i] ^= u[i];
                }
            }
            return new XtsPages(result);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Encrypts {@code length} bytes (whole pages) of {@code data} at {@code offset}, the first being page {@code page}. */
    void encrypt(long page, byte[] data, int offset, int length) {
        crypt(true, page, data, offset, length);
    }

    /** Decrypts {@code length} bytes (whole pages) of {@code data} at {@code offset}, the first being page {@code page}. */
    void decrypt(long page, byte[] data, int offset, int length) {
        crypt(false, page, data, offset, length);
    }

    private void crypt(boolean encrypt, long firstPage, byte[] data, int offset, int length) {
        if (length % PAGE != 0) {
            throw new IllegalArgumentException("Only whole pages are encrypted, not " + length + " bytes");
        }
        if (length == 0) {
            return;
        }
        int pages = length / PAGE;
        Cipher encryptor = take(encryptors, Cipher.ENCRYPT_MODE);
        Cipher decryptor = encrypt ? null : take(decryptors, Cipher.DECRYPT_MODE);
        try {
            byte[] tweaks = new byte[pages * BLOCK];
            for (int p = 0; p < pages; p++) {
                LONG.set(tweaks, p * BLOCK, firstPage + p);
            }
            encryptor.doFinal(tweaks, 0, tweaks.length, tweaks, 0);
            xorTweaks(tweaks, data, offset, pages);
            (encrypt ? encryptor : decryptor).doFinal(data, offset, length, data, offset);
            xorTweaks(tweaks, data, offset, pages);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES without padding over whole blocks cannot fail", e);
        } finally {
            encryptors.add(encryptor);
            if (decryptor != null) {
                decryptors.add(decryptor);
            }
        }
    }

    /** XORs each 16-byte block of each page with its tweak: the page's, times x once per block before it. */
    private static void xorTweaks(byte[] tweaks, byte[] data, int offset, int pages) {
        for (int p = 0; p < pages; p++) {
            long low = (long) LONG.get(tweaks, p * BLOCK);
            long high = (long) LONG.get(tweaks, p * BLOCK + 8);
            int end = offset + (p + 1) * PAGE;
            for (int at = offset + p * PAGE; at < end; at += BLOCK) {
                LONG.set(data, at, (long) LONG.get(data, at) ^ low);
                LONG.set(data, at + 8, (long) LONG.get(data, at + 8) ^ high);
                long feedback = (high >> 63) & GF_128_FEEDBACK;
                high = (high << 1) | (low >>> 63);
                low = (low << 1) ^ feedback;
            }
        }
    }

    private Cipher take(Queue<Cipher> pool, int mode) {
        Cipher cipher = pool.poll();
        if (cipher != null) {
            return cipher;
        }
        try {
            cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " is part of every Java runtime", e);
        }
    }
}

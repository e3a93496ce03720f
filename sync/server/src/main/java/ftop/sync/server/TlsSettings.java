package ftop.sync.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificate and key the server serves HTTPS with: from a PKCS12 keystore, or from PEM files
 * (a certificate chain and an unencrypted PKCS#8 key, as certbot and most CAs hand them out).
 *
 * @param keyStore the key and its certificate chain
 * @param password the password of {@code keyStore} and of its key
 */
public record TlsSettings(KeyStore keyStore, String password) {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

    public TlsSettings {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(password, "password");
    }

    /**
     * The PKCS12 keystore {@code file}, opened with {@code password}.
     *
     * @throws IllegalArgumentException with the reason when it cannot be read or holds no key
     */
    public static TlsSettings fromPkcs12(Path file, String password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            if (!hasKey(store)) {
                throw new IllegalArgumentException("The keystore " + file + " holds no private key");
            }
            return new TlsSettings(store, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the keystore " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The certificate chain in PEM file {@code certificate} (the server's first) and the PKCS#8
     * private key ({@code BEGIN PRIVATE KEY}, RSA or EC) in PEM file {@code key}.
     *
     * @throws IllegalArgumentException with the reason when either cannot be read
     */
    public static TlsSettings fromPem(Path certificate, Path key) {
        try {
            List<Certificate> chain = new ArrayList<>();
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (byte[] der : blocks(Files.readString(certificate), "CERTIFICATE")) {
                chain.add(x509.generateCertificate(new ByteArrayInputStream(der)));
            }
            if (chain.isEmpty()) {
                throw new IllegalArgumentException(certificate + " holds no PEM certificate");
            }
            List<byte[]> keys = blocks(Files.readString(key), "PRIVATE KEY");
            if (keys.isEmpty()) {
                throw new IllegalArgumentException(key + " holds no unencrypted PKCS#8 key (BEGIN PRIVATE KEY); convert it with "
                        + "openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem");
            }
            String algorithm = chain.get(0).getPublicKey().getAlgorithm();
            PrivateKey privateKey = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(keys.get(0)));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            String password = "ftop";
            store.setKeyEntry("server", privateKey, password.toCharArray(), chain.toArray(Certificate[]::new));
            return new TlsSettings(store, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the certificate " + certificate + " or key " + key + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<byte[]> blocks(String pem, String type) {
        List<byte[]> found = new ArrayList<>();
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                found.add(Base64.getMimeDecoder().decode(m.group(2)));
            }
        }
        return found;
    }

    private static boolean hasKey(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return true;
            }
        }
        return false;
    }
}

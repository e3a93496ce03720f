package ftop.sync.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the desktop talks to a server safely: over HTTPS, with the server's certificate checked
 * against the system's trust store (Java's, plus the operating system's own on Windows and macOS)
 * and, where the company runs its own certificate authority, that authority's certificate from a
 * PEM file. Plain {@code http://} carries the password and the customer data readable by anyone on
 * the way, so it is refused to anything but this computer (loopback) unless explicitly allowed.
 *
 * @param companyCa      a PEM file of one or more CA certificates to trust besides the system's
 * @param allowPlainHttp let {@code http://} reach other computers (a test network, a proxy on the LAN)
 */
public record TransportSecurity(Optional<Path> companyCa, boolean allowPlainHttp) {

    private static final Logger LOG = LoggerFactory.getLogger(TransportSecurity.class);

    public TransportSecurity {
        companyCa = companyCa == null ? Optional.empty() : companyCa;
    }

    /** The system's trust store only; plain HTTP to loopback only. */
    public static TransportSecurity defaults() {
        return new TransportSecurity(Optional.empty(), false);
    }

    /**
     * Refuses {@code server} when it is plain HTTP to another computer and that was not allowed.
     *
     * @throws IllegalArgumentException with a message for people
     */
    public void check(HttpUrl server) {
        Objects.requireNonNull(server, "server");
        if (!server.isHttps() && !allowPlainHttp && !isLoopback(server.host())) {
            throw new IllegalArgumentException("FTOP does not send your password and customer data unencrypted over "
                    + "the network: " + server.scheme() + "://" + server.host() + " is plain HTTP. Use https://"
                    + server.host() + (server.port() == 80 ? "" : ":" + server.port())
                    + " (ask your administrator for the address), or start FTOP with --allow-plain-http on a "
                    + "network you trust.");
        }
    }

    /** Whether {@code host} is this computer: {@code localhost}, 127.0.0.0/8 or ::1 (no name is looked up). */
    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (!name.matches("[0-9.]+") && !name.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@link ServerApi#defaultHttpClient()}, trusting the company's CA besides the system's.
     *
     * @throws IllegalArgumentException when the CA file cannot be read or holds no certificate
     */
    public OkHttpClient httpClient() {
        List<X509TrustManager> managers = new ArrayList<>();
        managers.add(trustManager(null));
        nativeStore().ifPresent(store -> managers.add(trustManager(store)));
        companyCa.ifPresent(file -> managers.add(trustManager(companyStore(file))));
        if (managers.size() == 1) {
            return ServerApi.defaultHttpClient();
        }
        X509TrustManager any = new AnyOf(managers);
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {any}, null);
            return ServerApi.defaultHttpClient().newBuilder().sslSocketFactory(tls.getSocketFactory(), any).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is part of every Java runtime", e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return Stream.of(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                    .map(X509TrustManager.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No X.509 trust manager"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The trust store cannot be used: " + e.getMessage(), e);
        }
    }

    /** The operating system's own store, where Java reads it: Windows' ROOT store, the macOS keychain. */
    private static Optional<KeyStore> nativeStore() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String type = os.startsWith("windows") ? "Windows-ROOT" : os.startsWith("mac") ? "KeychainStore" : null;
        if (type == null) {
            // Linux: Java's trust store is the distribution's (ca-certificates).
            return Optional.empty();
        }
        try {
            KeyStore store = KeyStore.getInstance(type);
            store.load(null, null);
            return Optional.of(store);
        } catch (GeneralSecurityException | IOException e) {
            LOG.info("The system's certificate store {} cannot be read ({}); Java's is used", type, e.getMessage());
            return Optional.empty();
        }
    }

    private static KeyStore companyStore(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("The CA file " + file + " holds no certificate.");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("company-ca-" + i++, certificate);
            }
            return store;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the CA file " + file + " (" + e.getMessage() + ").", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The CA file " + file + " is not a PEM certificate (" + e.getMessage() + ").", e);
        }
    }

    /** Trusts a server that any of its managers trusts. */
    private record AnyOf(List<X509TrustManager> managers) implements X509TrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException first = null;
            for (X509TrustManager manager : managers) {
                try {
                    manager.checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    first = first == null ? e : first;
                }
            }
            throw first;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("The desktop does not accept client connections");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream().flatMap(m -> Stream.of(m.getAcceptedIssuers())).toArray(X509Certificate[]::new);
        }
    }
}

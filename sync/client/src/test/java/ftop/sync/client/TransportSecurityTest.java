package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.store.LocalStore;
import ftop.sync.server.Database;
import ftop.sync.server.DatasetLoader;
import ftop.sync.server.FtopServer;
import ftop.sync.server.ServerConfig;
import ftop.sync.server.TlsSettings;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop against the real server serving HTTPS on loopback with a certificate of a company
 * CA made here: trusted with the company's CA file, refused with a clear message without it; and
 * plain HTTP refused to anything but this computer unless explicitly allowed.
 */
class TransportSecurityTest {

    @TempDir
    Path dir;

    private FtopServer server;
    private Path caFile;

    @BeforeEach
    void startHttpsServer() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair ca = generator.generateKeyPair();
        X500Name caName = new X500Name("CN=Contoso Test Root CA");
        X509Certificate caCert = certificate(caName, caName, ca, ca.getPrivate(), true);
        KeyPair serverKeys = generator.generateKeyPair();
        X509Certificate serverCert = certificate(new X500Name("CN=localhost"), caName, serverKeys, ca.getPrivate(), false);

        caFile = dir.resolve("company-ca.pem");
        Files.writeString(caFile, pem("CERTIFICATE", caCert.getEncoded()));
        Path chain = dir.resolve("server.pem");
        Files.writeString(chain, pem("CERTIFICATE", serverCert.getEncoded()) + pem("CERTIFICATE", caCert.getEncoded()));
        Path key = dir.resolve("server-key.pem");
        Files.writeString(key, pem("PRIVATE KEY", serverKeys.getPrivate().getEncoded()));

        String jdbcUrl = ServerConfig.h2Url(dir.resolve("server"));
        Database db = Database.open(jdbcUrl, Database.PoolSettings.defaults(), LoopbackServer.PASSWORD_ITERATIONS);
        DatasetLoader.load(db, DatasetGenerator.demo(LocalDate.now(ZoneOffset.UTC)), DemoUsers.DEMO_PASSWORD, 0);
        server = new FtopServer(ServerConfig.of(0, "127.0.0.1", jdbcUrl).withTls(TlsSettings.fromPem(chain, key)), db,
                Clock.systemUTC()).start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private HttpUrl https() {
        return HttpUrl.get("https://127.0.0.1:" + server.port() + "/");
    }

    @Test
    void withTheCompanyCaTheDesktopSignsInAndSyncsOverHttps() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("workspace"))) {
            SyncClient client = new SyncClient(https(), store, new TransportSecurity(Optional.of(caFile), false));
            client.login(DemoUsers.DEMO_USER, DemoUsers.DEMO_PASSWORD);
            client.sync(p -> { });
            assertThat(store.customers().count()).isPositive();
        }
    }

    @Test
    void withoutItTheCertificateIsRefusedWithAClearMessage() {
        try (LocalStore store = LocalStore.open(dir.resolve("workspace"))) {
            SyncClient client = new SyncClient(https(), store, TransportSecurity.defaults());
            assertThatThrownBy(() -> client.login(DemoUsers.DEMO_USER, DemoUsers.DEMO_PASSWORD))
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining("certificate is not trusted by this computer")
                    .hasMessageContaining("--ca-file");
            assertThat(client.signedIn()).isFalse();
        }
    }

    @Test
    void plainHttpReachesOnlyThisComputerUnlessAllowed() {
        TransportSecurity secure = TransportSecurity.defaults();
        for (String local : new String[] {"http://127.0.0.1:8470/", "http://localhost:8470/", "http://[::1]:8470/",
                "http://127.0.0.2/", "https://ftop.example.com/"}) {
            secure.check(HttpUrl.get(local));
        }
        for (String remote : new String[] {"http://ftop.example.com:8470/", "http://10.0.0.5/", "http://localhost.example.com/",
                "http://[2001:db8::1]/"}) {
            assertThatThrownBy(() -> secure.check(HttpUrl.get(remote)))
                    .as(remote)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is plain HTTP")
                    .hasMessageContaining("--allow-plain-http");
        }
        new TransportSecurity(Optional.empty(), true).check(HttpUrl.get("http://ftop.example.com:8470/"));

        try (LocalStore store = LocalStore.open(dir.resolve("workspace"))) {
            assertThatThrownBy(() -> new SyncClient(HttpUrl.get("http://ftop.example.com:8470/"), store))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Use https://ftop.example.com:8470");
        }
    }

    @Test
    void aCaFileThatIsNoCertificateIsSaidClearly() throws Exception {
        Path notPem = Files.writeString(dir.resolve("not-a-ca.pem"), "hello");
        assertThatThrownBy(() -> new TransportSecurity(Optional.of(notPem), false).httpClient())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not-a-ca.pem");
        assertThatThrownBy(() -> new TransportSecurity(Optional.of(dir.resolve("missing.pem")), false).httpClient())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot read the CA file");
    }

    private static X509Certificate certificate(X500Name subject, X500Name issuer, KeyPair keys, PrivateKey signer,
            boolean authority) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(now.toEpochMilli() + (authority ? 0 : 1)), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(1, ChronoUnit.DAYS)), subject, keys.getPublic());
        if (authority) {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server serves HTTPS itself, with a self-signed certificate made here: from PEM files (the
 * form a CA hands out) and from a PKCS12 keystore; clients that trust the certificate sync, the
 * others are refused at the handshake.
 */
@ParameterizedClass
@EnumSource(value = ServerTestBase.Backend.class, names = "H2")
class TlsTest extends ServerTestBase {

    private X509Certificate certificate;

    @Override
    ServerConfig configure(ServerConfig config) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=localhost"),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(1, ChronoUnit.DAYS)), new X500Name("CN=localhost"), pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        Path cert = dir.resolve("server.crt");
        Path key = dir.resolve("server.key");
        Files.writeString(cert, pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        return config.withTls(TlsSettings.fromPem(cert, key));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Override
    OkHttpClient client() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ftop", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return new OkHttpClient.Builder().sslSocketFactory(tls.getSocketFactory(), (X509TrustManager) tmf.getTrustManagers()[0])
                .build();
    }

    @Test
    void clientsThatTrustTheCertificateSignInAndSyncOverHttps() throws Exception {
        assertThat(server.baseUri().getScheme()).isEqualTo("https");
        assertThat(get("/health", null).status()).isEqualTo(200);
        assertThat(pullAll(World.FM, 0, 500)).isNotEmpty();
    }

    @Test
    void aClientThatDoesNotTrustItIsRefusedAtTheHandshake() {
        Request request = new Request.Builder().url(url("/health")).build();
        assertThatThrownBy(() -> new OkHttpClient().newCall(request).execute().close()).isInstanceOf(SSLException.class);
    }

    @Test
    void plainHttpIsNotServed() throws Exception {
        Request request = new Request.Builder().url("http://127.0.0.1:" + server.port() + FtopServer.API + "/health").build();
        int status;
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            status = response.code();
        } catch (IOException e) {
            status = -1;
        }
        assertThat(status).as("no answer over plain HTTP, or Jetty's 400").isIn(-1, 400);
    }

    @Test
    void aPkcs12KeystoreServesTheSameCertificate() throws Exception {
        KeyStore fromPem = TlsSettings.fromPem(dir.resolve("server.crt"), dir.resolve("server.key")).keyStore();
        Path p12 = dir.resolve("server.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            fromPem.store(out, "changeit".toCharArray());
        }
        TlsSettings settings = TlsSettings.fromPkcs12(p12, "changeit");
        Certificate served = settings.keyStore().getCertificate(settings.keyStore().aliases().nextElement());
        assertThat(served).isEqualTo(certificate);
        assertThatThrownBy(() -> TlsSettings.fromPkcs12(p12, "wrong")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot read the keystore");
        assertThatThrownBy(() -> TlsSettings.fromPem(dir.resolve("server.key"), dir.resolve("server.key")))
                .hasMessageContaining("no PEM certificate");
    }
}

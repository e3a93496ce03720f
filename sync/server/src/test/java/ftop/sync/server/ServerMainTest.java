package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ftop.core.dataset.DemoUsers;
import ftop.sync.protocol.AuthConfig;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.LoginResponse;
import ftop.sync.protocol.ProtocolJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServerMainTest {

    @TempDir
    Path dir;

    private static ServerMain parse(String... args) {
        ServerMain main = new ServerMain();
        new CommandLine(main).parseArgs(args);
        return main;
    }

    @Test
    void helpListsEveryOption() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = ServerMain.run("--help");
        } finally {
            System.setOut(original);
        }
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port", "--bind", "--jdbc-url", "--demo", "--dataset",
                "FTOP_PORT", "FTOP_BIND", "FTOP_JDBC_URL", "--oidc-issuer", "--oidc-group-role", "--tls-cert",
                "--tls-keystore", "--behind-proxy");
    }

    @Test
    void defaultsArePrivateOnPort8470() {
        ServerMain main = parse();
        if (System.getenv("FTOP_PORT") == null) {
            assertThat(main.port).isEqualTo(8470);
        }
        if (System.getenv("FTOP_BIND") == null) {
            assertThat(main.bind).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void badOptionsAreRefusedWithExitCode2() {
        assertThat(ServerMain.run("--port", "eighty")).isEqualTo(2);
        assertThat(ServerMain.run("--dataset", "HUGE")).isEqualTo(2);
    }

    @Test
    void pruneAppliesTheRetentionPeriodsAndSaysWhatItRemoved() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        int refused;
        try {
            code = ServerMain.run("prune", "--jdbc-url", ServerConfig.h2Url(dir), "--keep-history-days", "30");
            refused = ServerMain.run("prune", "--jdbc-url", ServerConfig.h2Url(dir), "--keep-history-days", "-1");
        } finally {
            System.setOut(original);
        }
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Pruned 0 mutation answers").contains("expired sessions");
        assertThat(refused).isEqualTo(1);
    }

    @Test
    void aServerThatCannotStartSaysWhyWithExitCode1() {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = ServerMain.run("--jdbc-url", "jdbc:mysql://localhost/ftop", "--port", "0");
        } finally {
            System.setErr(original);
        }
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unsupported JDBC URL").doesNotContain("\tat ");
    }

    @Test
    void theFirstAdministratorOfAnEmptyDatabaseCanSignInAndSeeThePeople() throws Exception {
        String url = ServerConfig.h2Url(dir);
        try (Database db = Database.open(url, Database.PoolSettings.defaults(), World.PASSWORD_ITERATIONS)) {
            assertThatThrownBy(() -> DatasetLoader.ensureAdministrator(db, "it.admin", "short"))
                    .hasMessageContaining("at least 8");
            assertThatThrownBy(() -> DatasetLoader.ensureAdministrator(db, "IT Admin!", "long enough"))
                    .hasMessageContaining("IT Admin!");
            DatasetLoader.ensureAdministrator(db, "it.admin", "long enough");
            DatasetLoader.ensureAdministrator(db, "it.admin", "even longer now");
        }
        FtopServer server = FtopServer.start(ServerConfig.of(0, "127.0.0.1", url));
        try {
            OkHttpClient http = new OkHttpClient();
            String login = "{\"userName\":\"it.admin\",\"password\":\"even longer now\"}";
            try (Response r = http.newCall(new Request.Builder().url(server.baseUri() + "/api/v1/session")
                    .post(RequestBody.create(login, MediaType.get("application/json"))).build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
                LoginResponse session = ProtocolJson.mapper().readValue(r.body().string(), LoginResponse.class);
                assertThat(session.roles()).containsExactly(ftop.core.user.UserRole.ADMIN);
                try (Response p = http.newCall(new Request.Builder().url(server.baseUri() + "/api/v1/changes?since=0")
                        .header("Authorization", "Bearer " + session.token()).build()).execute()) {
                    ChangesPage page = ProtocolJson.mapper().readValue(p.body().string(), ChangesPage.class);
                    assertThat(page.changes()).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo("it.admin"));
                }
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void identityProviderOptionsReachTheServer() throws Exception {
        ServerMain main = parse("--port", "0", "--jdbc-url", ServerConfig.h2Url(dir),
                "--oidc-issuer", "https://login.example.com/tenant/v2.0", "--oidc-audience", "api://ftop",
                "--oidc-client-id", "ftop-desktop", "--oidc-group-role", "g-slt=SLT_WATCHLIST,g-leads=LEAD",
                "--oidc-scope", "openid offline_access api://ftop/access");
        FtopServer server = main.launch();
        try (Response r = new OkHttpClient().newCall(new Request.Builder()
                .url(server.baseUri() + "/api/v1/auth/config").build()).execute()) {
            AuthConfig config = ProtocolJson.mapper().readValue(r.body().string(), AuthConfig.class);
            assertThat(config.oidc().issuer()).isEqualTo("https://login.example.com/tenant/v2.0");
            assertThat(config.oidc().clientId()).isEqualTo("ftop-desktop");
            assertThat(config.oidc().scopes()).containsExactly("openid", "offline_access", "api://ftop/access");
        } finally {
            server.stop();
        }
        assertThat(main.oidcGroupRoles).containsEntry("g-slt", "SLT_WATCHLIST").containsEntry("g-leads", "LEAD");
    }

    @Test
    void incompleteSecurityOptionsAreRefusedWithTheReason() {
        String url = ServerConfig.h2Url(dir);
        assertThatThrownBy(parse("--jdbc-url", url, "--oidc-issuer", "https://idp.example.com")::launch)
                .hasMessageContaining("--oidc-audience");
        assertThatThrownBy(parse("--jdbc-url", url, "--oidc-issuer", "https://idp.example.com", "--oidc-audience", "a",
                "--oidc-group-role", "g=WIZARD")::launch).hasMessageContaining("WIZARD");
        assertThatThrownBy(parse("--jdbc-url", url, "--tls-cert", dir.resolve("c.pem").toString())::launch)
                .hasMessageContaining("--tls-key");
        assertThatThrownBy(parse("--jdbc-url", url, "--tls-cert", dir.resolve("c.pem").toString(),
                "--tls-key", dir.resolve("k.pem").toString())::launch).hasMessageContaining("Cannot read the certificate");
    }

    @Test
    void demoAndDatasetTogetherAreRefused() {
        ServerMain main = parse("--demo", "--dataset", "S1500", "--jdbc-url", ServerConfig.h2Url(dir));
        assertThatThrownBy(main::launch).hasMessageContaining("--demo or --dataset");
    }

    @Test
    void demoModeServesTheDemoWorkspaceToTheDemoUser() throws Exception {
        ServerMain main = parse("--demo", "--port", "0", "--jdbc-url", ServerConfig.h2Url(dir),
                "--password-iterations", Integer.toString(World.PASSWORD_ITERATIONS));
        FtopServer server = main.launch();
        try {
            int iterations = server.database().read(c -> {
                try (var ps = c.prepareStatement("SELECT DISTINCT iterations FROM account"); var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(iterations).as("--password-iterations").isEqualTo(World.PASSWORD_ITERATIONS);
            OkHttpClient http = new OkHttpClient();
            String login = "{\"userName\":\"" + DemoUsers.DEMO_USER + "\",\"password\":\"" + DemoUsers.DEMO_PASSWORD + "\"}";
            LoginResponse session;
            try (Response r = http.newCall(new Request.Builder().url(server.baseUri() + "/api/v1/session")
                    .post(RequestBody.create(login, MediaType.get("application/json"))).build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
                session = ProtocolJson.mapper().readValue(r.body().string(), LoginResponse.class);
            }
            try (Response r = http.newCall(new Request.Builder().url(server.baseUri() + "/api/v1/changes?since=0&limit=5000")
                    .header("Authorization", "Bearer " + session.token()).build()).execute()) {
                ChangesPage page = ProtocolJson.mapper().readValue(r.body().string(), ChangesPage.class);
                assertThat(page.changes().stream().filter(c -> c.kind().equals("customer")).count()).isEqualTo(25);
            }
        } finally {
            server.stop();
        }
        // A second start over the same database keeps its data and loads nothing twice.
        FtopServer again = parse("--demo", "--port", "0", "--jdbc-url", ServerConfig.h2Url(dir)).launch();
        again.stop();
    }
}

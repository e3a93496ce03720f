package ftop.sync.bench;

import ftop.core.assignment.Assignment;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.user.User;
import ftop.core.user.UserRole;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.LoginResponse;
import ftop.sync.protocol.ProtocolJson;
import ftop.sync.server.Database;
import ftop.sync.server.DatasetLoader;
import ftop.sync.server.FtopServer;
import ftop.sync.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * How long the server takes to load a generated data set, and a first sync (every page of
 * {@code GET /changes} from 0) for an FM, a regional lead and an administrator over HTTP.
 *
 * <pre>
 * ./mvnw -o -q -pl sync -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp sync/target/test-classes:sync/target/classes:$(cat /tmp/cp.txt) ftop.sync.bench.DatasetLoadBenchmark S1500 [jdbc-url]
 * </pre>
 * The first argument is S1500 (default) or SERVER; the second a JDBC URL of an empty database
 * (default a fresh H2 file in a temporary directory).
 */
public final class DatasetLoadBenchmark {

    private DatasetLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        DatasetGenerator.Scale scale = args.length > 0 ? DatasetGenerator.Scale.valueOf(args[0]) : DatasetGenerator.Scale.S1500;
        Path dir = Files.createTempDirectory("ftop-bench");
        String url = args.length > 1 ? args[1] : ServerConfig.h2Url(dir);
        LocalDate today = LocalDate.of(2021, 5, 3);

        long t0 = System.nanoTime();
        Dataset data = DatasetGenerator.generate(scale, 42, today);
        System.out.printf("%s: generated %,d rows in %.1f s%n", scale, data.size(), seconds(t0));

        Database db = Database.open(url);
        long t1 = System.nanoTime();
        long revision = DatasetLoader.load(db, data, DemoUsers.DEMO_PASSWORD);
        System.out.printf("loaded %,d rows (revision %,d) in %.1f s%n", data.size(), revision, seconds(t1));

        FtopServer server = new FtopServer(ServerConfig.of(0, "127.0.0.1", url), db, Clock.systemUTC()).start();
        try {
            Map<String, Integer> portfolio = new HashMap<>();
            for (Assignment a : data.assignments()) {
                portfolio.merge(a.userId(), 1, Integer::sum);
            }
            Optional<User> fm = data.users().stream().filter(u -> u.has(UserRole.FM))
                    .max(Comparator.comparing(u -> portfolio.getOrDefault(u.userId(), 0)));
            Optional<User> lead = data.users().stream().filter(u -> u.has(UserRole.LEAD)).findFirst();
            Optional<User> admin = data.users().stream().filter(u -> u.has(UserRole.ADMIN) || u.has(UserRole.ASSIGNMENT_TEAM))
                    .findFirst();
            OkHttpClient http = new OkHttpClient.Builder().readTimeout(java.time.Duration.ofMinutes(5)).build();
            for (Optional<User> user : java.util.List.of(fm, lead, admin)) {
                if (user.isPresent()) {
                    firstSync(http, server, user.get());
                }
            }
        } finally {
            server.stop();
        }
    }

    private static void firstSync(OkHttpClient http, FtopServer server, User user) throws Exception {
        String login = "{\"userName\":\"" + user.userId() + "\",\"password\":\"" + DemoUsers.DEMO_PASSWORD + "\"}";
        LoginResponse session;
        try (Response r = http.newCall(new Request.Builder().url(server.baseUri() + "/api/v1/session")
                .post(RequestBody.create(login, MediaType.get("application/json"))).build()).execute()) {
            session = ProtocolJson.mapper().readValue(r.body().string(), LoginResponse.class);
        }
        long start = System.nanoTime();
        long since = 0;
        int pages = 0;
        long rows = 0;
        while (true) {
            try (Response r = http.newCall(new Request.Builder()
                    .url(server.baseUri() + "/api/v1/changes?since=" + since + "&limit=5000")
                    .header("Authorization", "Bearer " + session.token()).build()).execute()) {
                ChangesPage page = ProtocolJson.mapper().readValue(r.body().string(), ChangesPage.class);
                pages++;
                rows += page.changes().size();
                since = page.next();
                if (!page.more()) {
                    break;
                }
            }
        }
        System.out.printf("first sync of %s (%s): %,d rows in %d pages, %.1f s%n", user.userId(), user.roles(), rows, pages,
                seconds(start));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

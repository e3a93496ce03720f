package ftop.sync.bench;

import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.user.User;
import ftop.sync.protocol.LoginRequest;
import ftop.sync.protocol.ProtocolJson;
import ftop.sync.server.Database;
import ftop.sync.server.DatasetLoader;
import ftop.sync.server.FtopServer;
import ftop.sync.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Password guessing against a server on loopback (demo workspace, the production PBKDF2 cost),
 * with and without the sign-in throttle: for a fixed time, {@code --threads} guessers send wrong
 * passwords, either all for one account ({@code megan.bowen}) or each for the next of every demo
 * account. Prints, per case, the passwords the server really checked per second (what an attacker
 * gets) and the answers per second (checked plus refused with 429).
 *
 * <pre>
 * ./bench SignInBenchmark [--seconds=10] [--threads=8]
 * </pre>
 */
public final class SignInBenchmark {

    private static final MediaType JSON = MediaType.get("application/json");

    private SignInBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 10;
        int threads = 8;
        for (String arg : args) {
            if (arg.startsWith("--seconds=")) {
                seconds = Integer.parseInt(arg.substring(10));
            } else if (arg.startsWith("--threads=")) {
                threads = Integer.parseInt(arg.substring(10));
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg);
            }
        }
        Path dir = Files.createTempDirectory("ftop-signin-bench");
        try {
            String url = ServerConfig.h2Url(dir);
            List<String> users;
            try (Database db = Database.open(url)) {
                var demo = DatasetGenerator.demo(LocalDate.now());
                DatasetLoader.load(db, demo, DemoUsers.DEMO_PASSWORD);
                users = demo.users().stream().map(User::userId).toList();
            }
            System.out.printf("%d guessers, %d s per case, %d demo accounts, PBKDF2 %,d rounds, %d cores%n",
                    threads, seconds, users.size(), Database.DEFAULT_PASSWORD_ITERATIONS,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("%-28s %-10s %18s %14s%n", "case", "throttle", "checked guesses/s", "answers/s");
            for (boolean throttled : new boolean[] {false, true}) {
                run("one account", List.of(DemoUsers.DEMO_USER), url, throttled, seconds, threads);
                run("every account in turn", users, url, throttled, seconds, threads);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(String name, List<String> users, String url, boolean throttled, int seconds, int threads)
            throws Exception {
        ServerConfig config = ServerConfig.of(0, "127.0.0.1", url);
        FtopServer server = new FtopServer(throttled ? config : config.withoutSignInThrottle(),
                Database.open(url), Clock.systemUTC()).start();
        OkHttpClient http = new OkHttpClient();
        AtomicLong checked = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong next = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long n = next.getAndIncrement();
                        String user = users.get((int) (n % users.size()));
                        int status = guess(http, server, user, "guess-" + n);
                        (status == 429 ? refused : checked).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
            server.stop();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        System.out.printf("%-28s %-10s %18.1f %14.1f%n", name, throttled ? "on" : "off",
                checked.get() / (double) seconds, (checked.get() + refused.get()) / (double) seconds);
    }

    private static int guess(OkHttpClient http, FtopServer server, String user, String password) throws IOException {
        String body = ProtocolJson.mapper().writeValueAsString(new LoginRequest(user, password));
        Request request = new Request.Builder().url(server.baseUri() + FtopServer.API + "/session")
                .post(RequestBody.create(body, JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            return response.code();
        }
    }
}

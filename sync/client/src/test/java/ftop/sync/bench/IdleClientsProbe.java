package ftop.sync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import ftop.core.dataset.DemoUsers;
import ftop.sync.protocol.ProtocolJson;
import ftop.sync.server.ServerMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What idle desktops cost the server: the server alone in a JVM of its own over the benchmark's
 * database, then {@code count} clients that only wait for changes (each a long-poll on a
 * connection of its own, asked again as soon as it is answered), arriving {@code perSecond} a
 * second (0: all at once), as desktops coming online over a morning rather than in one instant. Prints the server's heap after a
 * full collection and its live threads, with no client and with all of them waiting, from its own
 * {@code /metrics} ({@code jcmd GC.run} first): with no client, once all wait, and
 * {@code settleSeconds} later, when the request threads that served the first burst have ended.
 */
final class IdleClientsProbe {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://[0-9.]+:[0-9]+)");
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(\\{[^}]*\\})? ([-0-9.eE+]+)$");

    private IdleClientsProbe() {
    }

    static void run(String jdbcUrl, int count, int perSecond, int settleSeconds) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                ServerMain.class.getName(), "--port", "0", "--jdbc-url", jdbcUrl,
                "--password-iterations", Integer.toString(LiveBenchmark.PASSWORD_ITERATIONS)))
                .redirectErrorStream(true).start();
        CompletableFuture<String> base = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        base.complete(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // The process is gone.
            }
            base.completeExceptionally(new IllegalStateException("The server process ended before listening"));
        }, "idle-probe-server-output");
        drain.setDaemon(true);
        drain.start();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        AtomicBoolean stopping = new AtomicBoolean();
        try {
            String server = base.get(2, TimeUnit.MINUTES);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                    .connectTimeout(Duration.ofSeconds(30)).build();
            HttpRequest signIn = HttpRequest.newBuilder(URI.create(server + "/api/v1/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"" + DemoUsers.DEMO_USER + "\",\"password\":\""
                            + LiveBenchmark.PASSWORD + "\"}")).build();
            String token = ProtocolJson.mapper().readTree(http.send(signIn, HttpResponse.BodyHandlers.ofString()).body())
                    .path("token").asText();
            JsonNode first = ProtocolJson.mapper().readTree(http.send(get(server, token, "since=0&limit=5000"),
                    HttpResponse.BodyHandlers.ofString()).body());
            long latest = first.path("next").asLong();
            Sample before = sample(http, server, process.pid());

            AtomicInteger answered = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            HttpRequest wait = get(server, token, "since=" + latest + "&wait=30");
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                keepWaiting(http, wait, answered, failed, stopping);
                if (perSecond > 0) {
                    TimeUnit.MICROSECONDS.sleep(1_000_000L / perSecond);
                }
            }
            LiveBenchmark.waitFor(count + " clients waiting on the server", Duration.ofMinutes(3),
                    () -> metric(http, server, "ftop_live_waiting") >= count);
            double connectSeconds = (System.nanoTime() - t0) / 1e9;
            Sample loaded = sample(http, server, process.pid());
            // The request threads that took the first burst of requests end after a minute idle.
            TimeUnit.SECONDS.sleep(settleSeconds);
            Sample settled = sample(http, server, process.pid());
            int stillWaiting = (int) metric(http, server, "ftop_live_waiting");
            String database = jdbcUrl.startsWith("jdbc:h2:") ? "H2" : "PostgreSQL";
            System.out.printf("%n== Idle clients: the server in a JVM of its own (%s), clients arriving %s ==%n",
                    database, perSecond > 0 ? perSecond + " a second" : "all at once");
            System.out.printf("no client waiting:    heap %,d MB after a full GC, %d threads%n", before.heapMb, before.threads);
            System.out.printf("%,d clients waiting:  heap %,d MB after a full GC, %d threads (all waiting within %.1f s; "
                    + "%d answered (timed out and asked again), %d failed meanwhile)%n", count, loaded.heapMb, loaded.threads,
                    connectSeconds, answered.get(), failed.get());
            System.out.printf("%d s later, %,d waiting: heap %,d MB after a full GC, %d threads (%d answered, %d failed)%n",
                    settleSeconds, stillWaiting, settled.heapMb, settled.threads, answered.get(), failed.get());
            System.out.println("What the heap holds most of, then:");
            histogram(process.pid()).lines().skip(2).limit(12).forEach(System.out::println);
        } finally {
            stopping.set(true);
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            executor.shutdownNow();
        }
    }

    private static HttpRequest get(String server, String token, String query) {
        return HttpRequest.newBuilder(URI.create(server + "/api/v1/changes?" + query))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(90)).GET().build();
    }

    /**
     * One idle desktop: waits, and waits again as soon as it is answered; after a failure (a busy
     * server's 503 while thousands connect at once) it waits a second or two first, as the desktop's
     * back-off does.
     */
    private static void keepWaiting(HttpClient http, HttpRequest wait, AtomicInteger answered, AtomicInteger failed,
                                    AtomicBoolean stopping) {
        http.sendAsync(wait, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            boolean ok = error == null && response.statusCode() == 200;
            (ok ? answered : failed).incrementAndGet();
            if (!stopping.get()) {
                long pause = ok ? 0 : 1000 + ThreadLocalRandom.current().nextInt(1000);
                CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS)
                        .execute(() -> keepWaiting(http, wait, answered, failed, stopping));
            }
        });
    }

    private record Sample(long heapMb, long threads) {
    }

    /** The server's heap after a full collection, and its live threads. */
    private static Sample sample(HttpClient http, String server, long pid) throws Exception {
        Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.run").redirectErrorStream(true).start();
        gc.getInputStream().readAllBytes();
        gc.waitFor(1, TimeUnit.MINUTES);
        double heap = metric(http, server, "jvm_memory_used_bytes", "area=\"heap\"");
        return new Sample(Math.round(heap / (1024 * 1024)), Math.round(metric(http, server, "jvm_threads_live_threads")));
    }

    /** The server's heap by class (jcmd GC.class_histogram), biggest first. */
    private static String histogram(long pid) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
        String text = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(1, TimeUnit.MINUTES);
        return text;
    }

    private static double metric(HttpClient http, String server, String name) {
        return metric(http, server, name, "");
    }

    /** The sum of the samples of {@code name} whose labels contain {@code label}, from the server's /metrics. */
    private static double metric(HttpClient http, String server, String name, String label) {
        try {
            String text = http.send(HttpRequest.newBuilder(URI.create(server + "/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double sum = 0;
            for (String line : text.split("\n")) {
                Matcher m = SAMPLE.matcher(line.trim());
                if (m.matches() && m.group(1).equals(name) && (m.group(2) == null ? "" : m.group(2)).contains(label)) {
                    sum += Double.parseDouble(m.group(3));
                }
            }
            return sum;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}

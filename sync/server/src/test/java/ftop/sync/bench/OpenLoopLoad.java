package ftop.sync.bench;

import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityKind;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.LoginRequest;
import ftop.sync.protocol.LoginResponse;
import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationRequest;
import ftop.sync.protocol.MutationResult;
import ftop.sync.protocol.MutationResults;
import ftop.sync.protocol.ProtocolJson;
import ftop.sync.protocol.RowChange;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open-loop mode of {@link ServerLoadBenchmark}: desktops that arrive at a fixed rate and then
 * each push on a fixed schedule, whatever the server's answers (a slow answer does not slow the
 * arrivals down, as it does when every client waits for its last answer), while keeping a long-poll
 * on {@code /changes} open, as the desktop does when online.
 *
 * <p>Desktop {@code i} of {@code n} arrives at {@code i * interval / n} (so {@code n / interval}
 * arrive each second), opens its long-poll and pushes at its arrival and every {@code interval}
 * after: {@code n / interval} pushes a second from the start. A push's latency runs from the
 * moment it was due, so a server that falls behind shows in it. A long-poll answered with changes
 * is followed by the pages still waiting, then a new long-poll. A long-poll or page answered 503
 * (busy) is asked again after its Retry-After, any other failure after a second, as the desktop's
 * live watch does; both are counted by cause. Set-up: each distinct person signs
 * in and makes a first pull once; the desktops of one person start from that pull.
 *
 * <p>Prints per endpoint the requests, p50, p99 and max: {@code POST /mutations} (from when it was
 * due), {@code GET /changes (wake)} (a waiting desktop receiving a change committed while it
 * waited, from the push's answer; 0 when the waiting desktop had it first), {@code GET /changes
 * (incremental)} (the pages after a wake, and long-polls answered at once because a change was
 * already there) and the long-polls answered empty at their timeout (their wait is no latency); and
 * the CPU time of the process (server and clients) during the window.
 */
final class OpenLoopLoad {

    private static final String PUSH = "POST /mutations (due -> answer)";
    private static final String WAKE = "GET /changes (wake)";
    private static final String PULL = "GET /changes (incremental)";
    private static final String QUIET = "GET /changes (wait timed out)";
    private static final int PAGE = 500;
    private static final int SET_UP_THREADS = 8;
    /** HTTP clients the desktops share, at most (one per 100 desktops up to this). */
    private static final int HTTP_CLIENTS = 8;

    /**
     * The desktops' HTTP clients, each serving a share of them. One JDK client for all 2,000 desktops
     * was the bottleneck itself: one selector thread for every connection, and a pool whose
     * bookkeeping walks every idle connection each time one is returned.
     */
    private final List<HttpClient> clients;
    private final String api;
    private final String password;
    private final Map<String, Queue<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    /** When the push that made a revision was answered (nanoTime). */
    private final Map<Long, Long> answeredAt = new ConcurrentHashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger pushesInFlight = new AtomicInteger();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();

    private OpenLoopLoad(List<HttpClient> clients, String api, String password) {
        this.clients = clients;
        this.api = api;
        this.password = password;
    }

    /** One person's session and first pull, shared by that person's desktops. */
    private record Person(String userId, List<Long> ownedTpids, String token, long cursor, Map<Long, RowChange> health) {
    }

    /** One simulated desktop. */
    private static final class Desktop {
        final int index;
        final Person person;
        final Map<Long, RowChange> health;
        long cursor;
        int pushes;

        Desktop(int index, Person person) {
            this.index = index;
            this.person = person;
            this.health = new HashMap<>(person.health());
            this.cursor = person.cursor();
        }
    }

    /**
     * Runs the open loop against the server at {@code api} ({@code .../api/v1}) with {@code desktops}
     * desktops, the people in {@code plans} in turn, for {@code seconds}; prints the figures.
     */
    static void run(String api, List<ServerLoadBenchmark.Plan> plans, String password, int desktops,
                    int intervalSeconds, int seconds, int waitSeconds) throws Exception {
        ExecutorService callbacks = Executors.newFixedThreadPool(4);
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < Math.max(1, Math.min(HTTP_CLIENTS, desktops / 100)); i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(callbacks)
                    .connectTimeout(Duration.ofSeconds(30)).build());
        }
        OpenLoopLoad load = new OpenLoopLoad(clients, api, password);
        try {
            load.run(plans, desktops, intervalSeconds, seconds, waitSeconds);
        } finally {
            load.retries.shutdownNow();
            callbacks.shutdownNow();
        }
    }

    private void run(List<ServerLoadBenchmark.Plan> plans, int count, int intervalSeconds, int seconds, int waitSeconds)
            throws Exception {
        long setUp = System.nanoTime();
        // Each person once, a few at a time: the password hash is slow on purpose.
        Map<String, CompletableFuture<Person>> people = new LinkedHashMap<>();
        ExecutorService setUpPool = Executors.newFixedThreadPool(SET_UP_THREADS);
        for (int i = 0; i < count; i++) {
            ServerLoadBenchmark.Plan plan = plans.get(i % plans.size());
            people.computeIfAbsent(plan.userId(), k -> CompletableFuture.supplyAsync(() -> {
                try {
                    return signInAndPull(plan);
                } catch (IOException e) {
                    throw new IllegalStateException(plan.userId() + " could not sign in and pull: " + e.getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }, setUpPool));
        }
        List<Desktop> desktops = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                desktops.add(new Desktop(i, people.get(plans.get(i % plans.size()).userId()).join()));
            }
        } finally {
            setUpPool.shutdownNow();
        }
        System.out.printf("open loop set-up: %d people signed in and pulled once, %.1f s%n", people.size(),
                (System.nanoTime() - setUp) / 1e9);

        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long intervalNanos = TimeUnit.SECONDS.toNanos(intervalSeconds);
        long windowNanos = TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        long cpu = processCpuNanos();
        for (Desktop d : desktops) {
            long arrival = d.index * intervalNanos / count;
            clock.schedule(() -> longPoll(d, waitSeconds), arrival, TimeUnit.NANOSECONDS);
            for (long due = arrival; due < windowNanos; due += intervalNanos) {
                long dueAt = start + due;
                clock.schedule(() -> push(d, dueAt), due, TimeUnit.NANOSECONDS);
            }
        }
        clock.shutdown();
        clock.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        while (pushesInFlight.get() > 0 && System.nanoTime() - start < windowNanos + TimeUnit.SECONDS.toNanos(60)) {
            Thread.sleep(50);
        }
        long cpuUsed = processCpuNanos() - cpu;
        double elapsed = (System.nanoTime() - start) / 1e9;
        stopping.set(true);

        System.out.printf("open loop: %,d desktops arriving over %d s, each pushing every %d s (%.1f pushes/s) and "
                + "waiting for changes (wait=%d s); %.1f s%n", count, intervalSeconds, intervalSeconds,
                (double) count / intervalSeconds, waitSeconds, elapsed);
        System.out.printf("  %-32s %9s %10s %9s %9s %9s%n", "endpoint", "requests", "req/s", "p50 ms", "p99 ms", "max ms");
        for (String endpoint : List.of(PUSH, WAKE, PULL, QUIET)) {
            long[] sorted = latencies.getOrDefault(endpoint, new ConcurrentLinkedQueue<>()).stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("  %-32s %,9d %,10.1f %9.1f %9.1f %9.1f%n", endpoint, sorted.length, sorted.length / elapsed,
                    percentile(sorted, 50), percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }
        Map<String, Long> byOutcome = new TreeMap<>();
        outcomes.forEach((k, v) -> byOutcome.put(k, v.get()));
        System.out.printf("open loop outcomes: %s%n", byOutcome);
        System.out.printf("open loop CPU (whole process: server and clients): %,.1f s over %.1f s, %.1f cores%n",
                cpuUsed / 1e9, elapsed, cpuUsed / 1e9 / elapsed);
    }

    /** The HTTP client of desktop {@code d}. */
    private HttpClient http(Desktop d) {
        return clients.get(d.index % clients.size());
    }

    private Person signInAndPull(ServerLoadBenchmark.Plan plan) throws IOException, InterruptedException {
        byte[] login = ProtocolJson.mapper().writeValueAsBytes(new LoginRequest(plan.userId(), password));
        HttpResponse<byte[]> signIn = sendRetrying(HttpRequest.newBuilder(URI.create(api + "/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(login)).build());
        check(signIn, "POST /session");
        String token = ProtocolJson.mapper().readValue(signIn.body(), LoginResponse.class).token();
        Map<Long, RowChange> health = new HashMap<>();
        long cursor = 0;
        boolean more = true;
        while (more) {
            HttpResponse<byte[]> answer = sendRetrying(get(token, "since=" + cursor + "&limit=5000"));
            check(answer, "GET /changes");
            ChangesPage page = ProtocolJson.mapper().readValue(answer.body(), ChangesPage.class);
            keepOwnedHealth(plan.ownedTpids(), health, page);
            cursor = page.next();
            more = page.more();
        }
        return new Person(plan.userId(), plan.ownedTpids(), token, cursor, health);
    }

    /** Sends {@code request} in the set-up, again after the pause a 503 (busy) asks for, as the desktop does. */
    private HttpResponse<byte[]> sendRetrying(HttpRequest request) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> answer = clients.get(0).send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 503 || attempt >= 30) {
                return answer;
            }
            long seconds = answer.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.min(5000, 1000 * Math.max(1, seconds)));
        }
    }

    private static void keepOwnedHealth(List<Long> owned, Map<Long, RowChange> health, ChangesPage page) {
        for (RowChange change : page.changes()) {
            if (change.kind().equals(EntityKind.HEALTH.wireName()) && owned.contains(change.tpid())) {
                health.put(change.tpid(), change);
            }
        }
    }

    private HttpRequest get(String token, String query) {
        return HttpRequest.newBuilder(URI.create(api + "/changes?" + query)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(2)).GET().build();
    }

    /**
     * A long-poll from the desktop's cursor; when it brings changes, the pages after it, then the
     * next long-poll. A 503 (busy) is asked again after its Retry-After, any other failure after a
     * second, as the desktop's live watch does: a desktop never stops waiting for changes.
     */
    private void longPoll(Desktop d, int waitSeconds) {
        if (stopping.get()) {
            return;
        }
        long sent = System.nanoTime();
        long since;
        synchronized (d) {
            since = d.cursor;
        }
        http(d).sendAsync(get(d.person.token(), "since=" + since + "&limit=" + PAGE + "&wait=" + waitSeconds),
                HttpResponse.BodyHandlers.ofByteArray()).whenComplete((answer, failure) -> {
            if (stopping.get()) {
                return;
            }
            long now = System.nanoTime();
            try {
                if (failure == null && answer.statusCode() == 503) {
                    count("long-poll answered 503, asked again after Retry-After");
                    retryLater(d, waitSeconds, answer.headers().firstValueAsLong("Retry-After").orElse(1));
                    return;
                }
                if (failure != null || answer.statusCode() != 200) {
                    count("long-poll failed (" + (failure != null ? rootCause(failure) : "answered " + answer.statusCode()) + ")");
                    retryLater(d, waitSeconds, 1);
                    return;
                }
                ChangesPage page = ProtocolJson.mapper().readValue(answer.body(), ChangesPage.class);
                if (page.changes().isEmpty() && page.droppedCustomers().isEmpty()) {
                    record(QUIET, now - sent);
                } else {
                    // A change committed while this long-poll waited wakes it: from the push's answer
                    // (0 when this desktop had it first). One already there when it was sent is
                    // answered at once, as an ordinary pull.
                    long wake = -1;
                    for (RowChange change : page.changes()) {
                        Long pushed = answeredAt.get(change.revision());
                        if (pushed == null || pushed >= sent) {
                            // The push's answer may be noted after this answer's time was taken: 0 then too.
                            wake = Math.max(wake, pushed == null ? 0 : Math.max(0, now - pushed));
                        }
                    }
                    record(wake >= 0 ? WAKE : PULL, wake >= 0 ? wake : now - sent);
                }
                if (apply(d, page)) {
                    nextPage(d, page.next(), waitSeconds);
                    return;
                }
            } catch (IOException | RuntimeException e) {
                count("long-poll failed (" + rootCause(e) + ")");
                retryLater(d, waitSeconds, 1);
                return;
            }
            longPoll(d, waitSeconds);
        });
    }

    /** The page after {@code since} (not waiting), then the ones after it, then the next long-poll. */
    private void nextPage(Desktop d, long since, int waitSeconds) {
        if (stopping.get()) {
            return;
        }
        long pullStart = System.nanoTime();
        http(d).sendAsync(get(d.person.token(), "since=" + since + "&limit=" + PAGE), HttpResponse.BodyHandlers.ofByteArray())
                .whenComplete((answer, failure) -> {
                    if (stopping.get()) {
                        return;
                    }
                    record(PULL, System.nanoTime() - pullStart);
                    try {
                        if (failure == null && answer.statusCode() == 503) {
                            count("page answered 503, asked again after Retry-After");
                            retryLater(d, waitSeconds, answer.headers().firstValueAsLong("Retry-After").orElse(1));
                            return;
                        }
                        if (failure != null) {
                            throw new IOException(failure);
                        }
                        check(answer, "GET /changes");
                        ChangesPage page = ProtocolJson.mapper().readValue(answer.body(), ChangesPage.class);
                        if (apply(d, page)) {
                            nextPage(d, page.next(), waitSeconds);
                            return;
                        }
                    } catch (IOException | RuntimeException e) {
                        count("page failed (" + rootCause(e) + ")");
                        retryLater(d, waitSeconds, 1);
                        return;
                    }
                    longPoll(d, waitSeconds);
                });
    }

    /** The desktop's next long-poll, after {@code seconds}. */
    private void retryLater(Desktop d, int waitSeconds, long seconds) {
        retries.schedule(() -> longPoll(d, waitSeconds), Math.max(1, seconds), TimeUnit.SECONDS);
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    private static boolean apply(Desktop d, ChangesPage page) {
        synchronized (d) {
            keepOwnedHealth(d.person.ownedTpids(), d.health, page);
            d.cursor = Math.max(d.cursor, page.next());
        }
        return page.more();
    }

    /** Flips the Overall Mindset of one of the desktop's customers, on the revision it last saw. */
    private void push(Desktop d, long dueAt) {
        RowChange row;
        synchronized (d) {
            if (d.health.isEmpty()) {
                return;
            }
            List<Long> tpids = new ArrayList<>(d.health.keySet());
            tpids.sort(null);
            row = d.health.get(tpids.get((d.index + d.pushes++) % tpids.size()));
        }
        if (row.body() == null) {
            return;
        }
        String next = "AVERSE".equals(row.body().path("perspective").path("mindset").asText("")) ? "ALIGNED" : "AVERSE";
        MutationRequest m = new MutationRequest(UUID.randomUUID(), EntityKind.HEALTH.wireName(), row.id(), row.revision(),
                "UPSERT", Map.of("perspective.mindset", TextNode.valueOf(next)));
        byte[] body;
        try {
            body = ProtocolJson.mapper().writeValueAsBytes(new MutationBatch(List.of(m)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        pushesInFlight.incrementAndGet();
        http(d).sendAsync(HttpRequest.newBuilder(URI.create(api + "/mutations")).header("Authorization", "Bearer "
                        + d.person.token()).header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .whenComplete((answer, failure) -> {
                    long now = System.nanoTime();
                    try {
                        record(PUSH, now - dueAt);
                        if (failure != null || answer.statusCode() != 200) {
                            outcomes.computeIfAbsent(failure != null ? "push failed" : "push answered "
                                    + answer.statusCode(), k -> new AtomicLong()).incrementAndGet();
                            return;
                        }
                        for (MutationResult result : ProtocolJson.mapper().readValue(answer.body(), MutationResults.class)
                                .results()) {
                            outcomes.computeIfAbsent(result.outcome().name(), k -> new AtomicLong()).incrementAndGet();
                            if (result.row() != null) {
                                answeredAt.putIfAbsent(result.row().revision(), now);
                                synchronized (d) {
                                    d.health.put(result.row().tpid(), result.row());
                                }
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        outcomes.computeIfAbsent("push unreadable", k -> new AtomicLong()).incrementAndGet();
                    } finally {
                        pushesInFlight.decrementAndGet();
                    }
                });
    }

    /** What a failure came down to, short: the class of its root cause and its message's start. */
    private static String rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = String.valueOf(t.getMessage());
        return t.getClass().getSimpleName() + ": " + message.substring(0, Math.min(60, message.length()));
    }

    private void record(String endpoint, long nanos) {
        latencies.computeIfAbsent(endpoint, k -> new ConcurrentLinkedQueue<>()).add(nanos);
    }

    private static void check(HttpResponse<byte[]> answer, String endpoint) throws IOException {
        if (answer.statusCode() != 200) {
            throw new IOException(endpoint + " answered " + answer.statusCode() + ": " + new String(answer.body()));
        }
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}

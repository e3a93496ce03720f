package ftop.sync.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sits between a sync client and a real server, passing requests on, and can be told to lose
 * or damage an answer: the network failures a real server never produces on purpose.
 */
final class ForwardingProxy implements AutoCloseable {

    /** What the proxy does with the server's answer to one request. */
    @FunctionalInterface
    interface Tamper {
        /**
         * @return true when the proxy answered itself (or dropped the connection) and the normal
         *         answer must not be sent
         */
        boolean handle(HttpExchange exchange, int status, byte[] body) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService handlers;
    private final HttpUrl target;
    private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Tamper tamper;
    private volatile Predicate<String> tamperWhich;
    private volatile boolean tamperOnce;

    ForwardingProxy(HttpUrl target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        // A thread per exchange: a stalled answer must not hold up the next request.
        handlers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "forwarding-proxy");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.start();
    }

    HttpUrl url() {
        return HttpUrl.get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Requests seen, as "METHOD /path?query". */
    List<String> requests() {
        return requests;
    }

    /** Applies {@code next} once, to the next request whose path ends with {@code pathSuffix}. */
    void tamperOnce(String pathSuffix, Tamper next) {
        tamperWhere(pathAndQuery -> pathAndQuery.split("\\?")[0].endsWith(pathSuffix), true, next);
    }

    /**
     * Applies {@code next} to the requests whose "/path?query" {@code which} accepts: to the next
     * one only when {@code once}, else to every one until {@link #stopTampering()}.
     */
    void tamperWhere(Predicate<String> which, boolean once, Tamper next) {
        tamperWhich = which;
        tamperOnce = once;
        tamper = next;
    }

    void stopTampering() {
        tamper = null;
    }

    private void forward(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String pathAndQuery = exchange.getRequestURI().toString();
        requests.add(method + " " + pathAndQuery);
        byte[] requestBody = exchange.getRequestBody().readAllBytes();
        Request.Builder request = new Request.Builder().url(target.resolve(pathAndQuery.substring(1)));
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            request.header("Authorization", auth);
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        RequestBody body = method.equals("GET") ? null
                : RequestBody.create(requestBody, type == null ? null : MediaType.get(type));
        request.method(method, body);
        int status;
        byte[] answer;
        Headers headers;
        try (Response response = http.newCall(request.build()).execute()) {
            status = response.code();
            answer = response.body().bytes();
            headers = response.headers();
        } catch (IOException e) {
            // The server is gone: so is the connection, as the client would see it directly.
            dropConnection(exchange);
            return;
        }
        Tamper now = tamper;
        if (now != null && tamperWhich.test(pathAndQuery)) {
            if (tamperOnce) {
                tamper = null;
            }
            if (now.handle(exchange, status, answer)) {
                exchange.close();
                return;
            }
        }
        String contentType = headers.get("Content-Type");
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
        exchange.close();
    }

    /**
     * Ends the exchange without a word: the client sees the connection close before any answer,
     * as when the server dies.
     */
    static void dropConnection(HttpExchange exchange) throws IOException {
        // An exception from a handler that sent nothing makes the JDK server close the connection.
        throw new IOException("connection dropped on purpose");
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}

package ftop.sync.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;

/**
 * A tiny HTTP server on loopback that answers every request with whatever the test scripts:
 * garbage, a cut-off body, an error page. It stands in for a broken server or proxy.
 */
final class FakeHttpServer implements AutoCloseable {

    /** What to send back for one request. */
    @FunctionalInterface
    interface Answer {
        void send(HttpExchange exchange) throws IOException;
    }

    /** A request as it was received. */
    record Received(String method, String pathAndQuery, String authorization, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Answer answer = exchange -> respond(exchange, 404, "application/json", "{}");

    FakeHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            try {
                answer.send(exchange);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    HttpUrl url() {
        return HttpUrl.get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    void answer(Answer next) {
        answer = next;
    }

    List<Received> received() {
        return received;
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Sends {@code body} in chunks, without announcing its length. */
    static void respondChunked(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int from = 0; from < bytes.length; from += 8192) {
                out.write(bytes, from, Math.min(8192, bytes.length - from));
            }
        }
    }

    /** Promises {@code body} but sends only its first {@code sent} bytes, then drops the connection. */
    static void respondCutOff(HttpExchange exchange, String body, int sent) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, sent);
        out.flush();
        // Closing the exchange short of the promised length drops the connection, as a crash would.
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

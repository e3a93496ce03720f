package ftop.sync.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loopback redirect of RFC 8252: a one-use HTTP listener on {@code 127.0.0.1} at a port the
 * system picks, where the browser brings the authorization code back to
 * {@code http://127.0.0.1:PORT/callback}. Only an answer carrying the {@code state} this sign-in
 * sent is taken; any other is refused with a page saying so and the sign-in keeps waiting. The
 * browser tab gets a page telling the person to go back to the app.
 */
final class LoopbackRedirect implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackRedirect.class);
    static final String PATH = "/callback";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String state;
    private final CompletableFuture<String> code = new CompletableFuture<>();

    LoopbackRedirect(String state) throws IOException {
        this.state = state;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sign-in redirect");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(PATH, this::handle);
        server.start();
    }

    /** The redirect URI to send and register: {@code http://127.0.0.1:PORT/callback}. */
    HttpUrl uri() {
        return new HttpUrl.Builder().scheme("http").host("127.0.0.1").port(server.getAddress().getPort())
                .encodedPath(PATH).build();
    }

    /** The state this sign-in sends and expects back. */
    String state() {
        return state;
    }

    /** Completes with the code, or fails with a SyncException when the provider said no. */
    CompletableFuture<String> code() {
        return code;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String given = query.getOrDefault("state", "");
            if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
                LOG.warn("Sign-in redirect with a state this sign-in did not send refused");
                page(exchange, 400, "This sign-in was not started here",
                        "This page was not opened by the sign-in FTOP is waiting for, so it was ignored. "
                                + "Go back to FTOP and sign in from there.");
                return;
            }
            String error = query.get("error");
            if (error != null) {
                String description = query.getOrDefault("error_description", error);
                page(exchange, 200, "Sign-in did not complete",
                        "Your company's sign-in said: " + description + ". Go back to FTOP to try again.");
                code.completeExceptionally(new SyncException(SyncFailure.LOGIN_NEEDED,
                        "Your company's sign-in did not complete: " + description + "."));
                return;
            }
            String value = query.get("code");
            if (value == null || value.isBlank()) {
                page(exchange, 400, "Sign-in did not complete", "The answer has no code. Go back to FTOP to try again.");
                return;
            }
            page(exchange, 200, "Signed in to FTOP", "You can close this tab and go back to FTOP.");
            code.complete(value);
        }
    }

    private static void page(HttpExchange exchange, int status, String title, String text) throws IOException {
        byte[] body = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>" + title + "</h1><p>"
                + text.replace("<", "&lt;") + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package ftop.sync.server;

import ftop.sync.protocol.ApiError;
import ftop.sync.protocol.LoginRequest;
import ftop.sync.protocol.LoginResponse;
import ftop.sync.protocol.ProtocolJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ftop-server backup --to FILE}: asks the running server for a consistent copy of its H2
 * database ({@code GET /api/v1/admin/backup}, as an administrator) and saves it to FILE. The server
 * keeps serving meanwhile. The file is written beside FILE first and moved into place once it is
 * complete and on disk, so FILE is never a partial backup.
 */
@Command(name = "backup", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Saves a consistent copy of the running server's H2 database (the server keeps serving). "
                + "PostgreSQL: use pg_dump.")
final class BackupCommand implements Callable<Integer> {

    @Option(names = "--to", paramLabel = "FILE", required = true, description = "Where to save the backup (a zip).")
    Path to;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://127.0.0.1:${env:FTOP_PORT:-8470}",
            description = "The running server (default ${DEFAULT-VALUE}).")
    URI server;

    @Option(names = "--user", paramLabel = "USER", defaultValue = "${env:FTOP_ADMIN_USER:-admin}",
            description = "An administrator to sign in as (env FTOP_ADMIN_USER; default ${DEFAULT-VALUE}); the password comes "
                    + "from env FTOP_ADMIN_PASSWORD or is asked for on the console.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the administrator's password from the first line of FILE (for scheduled backups) "
                    + "instead of env FTOP_ADMIN_PASSWORD or the console.")
    Path passwordFile;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String base = server.toString().replaceAll("/+$", "") + FtopServer.API;
        String token = signIn(http, base);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/admin/backup"))
                    .header("Authorization", "Bearer " + token).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The server refused the backup: " + message(response.body()));
            }
            long bytes = save(response.body(), to);
            String revision = response.headers().firstValue(Backups.REVISION_HEADER).orElse("?");
            System.out.printf("Backed up the server's database (up to revision %s at least) to %s: %,d bytes in %.1f s%n",
                    revision, to, bytes, (System.nanoTime() - started) / 1e9);
            return 0;
        } finally {
            signOut(http, base, token);
        }
    }

    private String signIn(HttpClient http, String base) throws IOException, InterruptedException {
        String body = ProtocolJson.mapper().writeValueAsString(new LoginRequest(user, password()));
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + "/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Cannot sign in to " + server + " as " + user + ": " + message(response.body()));
        }
        try (InputStream in = response.body()) {
            return ProtocolJson.mapper().readValue(in, LoginResponse.class).token();
        }
    }

    private String password() throws IOException {
        if (passwordFile == null) {
            return ServerMain.adminPassword();
        }
        return Files.readAllLines(passwordFile).stream().findFirst().orElse("");
    }

    private static void signOut(HttpClient http, String base, String token) {
        try {
            http.send(HttpRequest.newBuilder(URI.create(base + "/session")).header("Authorization", "Bearer " + token)
                    .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            // the session expires by itself
        }
    }

    /** Writes {@code in} to a file beside {@code target}, forces it to disk and moves it into place. */
    private static long save(InputStream in, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
        long bytes;
        try (InputStream body = in;
             FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = Channels.newOutputStream(channel)) {
            bytes = body.transferTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        try {
            Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
        return bytes;
    }

    private static String message(InputStream body) {
        try (InputStream in = body) {
            byte[] bytes = in.readAllBytes();
            try {
                return ProtocolJson.mapper().readValue(bytes, ApiError.class).message();
            } catch (IOException notAnError) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}

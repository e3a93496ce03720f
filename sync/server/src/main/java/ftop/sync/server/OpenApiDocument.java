package ftop.sync.server;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/v1/openapi.yaml}: the OpenAPI 3 document of this API ({@code openapi.yaml} at the
 * root of the jar, kept in the repository as {@code sync/server/src/main/resources/openapi.yaml}). No
 * sign-in needed, so tools can read it before they have an account.
 */
final class OpenApiDocument {

    /** Where the document lives on the class path. */
    static final String RESOURCE = "/openapi.yaml";

    private final byte[] document;

    OpenApiDocument() {
        this.document = text().getBytes(StandardCharsets.UTF_8);
    }

    /** The document's text; fails at start (not on a request) when the jar lacks it. */
    static String text() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The server jar lacks " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    void register(RoutesConfig routes) {
        routes.get(FtopServer.API + "/openapi.yaml",
                ctx -> ctx.status(200).contentType("application/yaml; charset=utf-8").result(document));
    }
}

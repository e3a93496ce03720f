package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(value = ServerTestBase.Backend.class, names = "H2")
class OpenApiDocumentTest extends ServerTestBase {

    private static final Pattern PATH = Pattern.compile("^  (/\\S*):\\s*$");
    private static final Pattern METHOD = Pattern.compile("^    (get|post|put|patch|delete):\\s*$");

    /** "METHOD /api/v1/path" for every operation of the document's paths section. */
    static Set<String> documented(String yaml) {
        Set<String> out = new TreeSet<>();
        boolean inPaths = false;
        String path = null;
        String root = null;
        for (String line : yaml.split("\\R")) {
            if (!line.startsWith(" ") && !line.isBlank()) {
                inPaths = line.startsWith("paths:");
                continue;
            }
            if (!inPaths) {
                continue;
            }
            Matcher p = PATH.matcher(line);
            if (p.matches()) {
                path = p.group(1);
                continue;
            }
            if (line.equals("      - url: /")) {
                // A path with servers of its own at the root (GET /metrics) lies outside /api/v1.
                root = path;
                continue;
            }
            Matcher m = METHOD.matcher(line);
            if (m.matches() && path != null) {
                out.add(m.group(1).toUpperCase(Locale.ROOT) + " " + (path.equals(root) ? "" : FtopServer.API) + path);
            }
        }
        return out;
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
        Answer answer = get("/openapi.yaml", null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).startsWith("openapi: 3.").isEqualTo(OpenApiDocument.text());

        Set<String> documented = documented(answer.body());
        Set<String> registered = new TreeSet<>(server.endpoints());
        assertThat(registered).contains("POST /api/v1/feeds/commerce", "GET /api/v1/customers/{tpid}/history", "GET /metrics");
        assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void everySchemaReferencedIsDefined() {
        String yaml = OpenApiDocument.text();
        Matcher refs = Pattern.compile("\\$ref: '#/components/(schemas|responses)/(\\w+)'").matcher(yaml);
        int count = 0;
        while (refs.find()) {
            count++;
            assertThat(yaml).as("definition of " + refs.group(2)).containsPattern("(?m)^    " + refs.group(2) + ":\\s*$");
        }
        assertThat(count).isGreaterThan(20);
    }

    @Test
    void theParserSeesAMissingRoute() {
        String yaml = "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      x: 1\n    post:\n  /b/{id}:\n    delete:\ncomponents:\n"
                + "  /c:\n    get:\n";
        assertThat(documented(yaml)).containsExactlyInAnyOrder("GET /api/v1/a", "POST /api/v1/a", "DELETE /api/v1/b/{id}");
    }
}

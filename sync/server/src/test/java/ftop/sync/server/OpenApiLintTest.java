package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code openapi.yaml} lint-clean: the OpenAPI 3.0 parser finds nothing to complain of, and
 * the rules of {@code redocly lint} that it does not check hold ({@code nullable} only beside a
 * {@code type}; every {@code ApiError.error} code the server sends is in the enum).
 */
class OpenApiLintTest {

    private static final String TEXT = OpenApiDocument.text();

    @Test
    void theParserFindsNoProblem() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(TEXT, null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void nullableIsAlwaysBesideAType() throws Exception {
        List<String> offenders = new ArrayList<>();
        walk(Yaml.mapper().readTree(TEXT), "#", offenders);
        assertThat(offenders).isEmpty();
    }

    @Test
    void theParserWouldSeeADescriptionCutAtItsComma() {
        String broken = TEXT.replace("description: \"What went wrong, for a person\"", "description: What went wrong, for a person");
        assertThat(broken).isNotEqualTo(TEXT);
        assertThat(new OpenAPIV3Parser().readContents(broken, null, new ParseOptions()).getMessages())
                .anyMatch(m -> m.contains("for a person"));
        List<String> offenders = new ArrayList<>();
        try {
            walk(Yaml.mapper().readTree(TEXT.replace("type: object\n          allOf:", "allOf:")), "#", offenders);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(offenders).hasSize(1);
    }

    @Test
    void everyErrorCodeTheServerSendsIsInTheEnum() throws Exception {
        JsonNode codes = Yaml.mapper().readTree(TEXT).at("/components/schemas/ApiError/properties/error/enum");
        List<String> documented = new ArrayList<>();
        codes.forEach(c -> documented.add(c.asText()));
        assertThat(documented).contains("bad_request", "unauthorized", "forbidden", "not_found", "method_not_allowed",
                "resync", "use_pg_dump", "body_too_large", "batch_too_large", "unsupported_media_type",
                "too_many_attempts", "shutting_down", "busy", "internal_error");
    }

    private static void walk(JsonNode node, String path, List<String> offenders) {
        if (node.isObject()) {
            if (node.has("nullable") && !node.has("type")) {
                offenders.add(path);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path + "/" + e.getKey(), offenders);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, offenders);
            }
        }
    }
}

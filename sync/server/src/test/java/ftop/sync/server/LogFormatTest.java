package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogFormatTest {

    private static final String CONFIG_FILE = "logback.configurationFile";

    private final PrintStream console = System.out;
    private String testConfig;

    /** The build points Logback at the tests' own file, which the server's formats leave alone. */
    @BeforeEach
    void useTheServersOwnConfiguration() {
        testConfig = System.clearProperty(CONFIG_FILE);
    }

    @AfterEach
    void restore() throws Exception {
        System.setOut(console);
        System.clearProperty(LogFormat.APPENDER_PROPERTY);
        if (testConfig != null) {
            System.setProperty(CONFIG_FILE, testConfig);
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void jsonWritesOneObjectALineWithLevelLoggerMessageAndThrowable() throws Exception {
        List<JsonNode> lines = logged(LogFormat.JSON);
        assertThat(lines).hasSize(2);
        JsonNode info = lines.get(0);
        assertThat(info.path("level").asText()).isEqualTo("INFO");
        assertThat(info.path("loggerName").asText()).isEqualTo(LogFormatTest.class.getName());
        assertThat(info.path("formattedMessage").asText()).isEqualTo("Pushed 3 mutations for \"megan\"\nsecond line");
        assertThat(info.path("timestamp").asLong()).isPositive();
        assertThat(info.has("threadName")).isTrue();
        JsonNode error = lines.get(1);
        assertThat(error.path("level").asText()).isEqualTo("ERROR");
        assertThat(error.path("throwable").path("className").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(error.path("throwable").path("message").asText()).isEqualTo("disk full");
    }

    @Test
    void plainStaysPlainAndUnknownNamesAreRefused() throws Exception {
        ByteArrayOutputStream out = capture();
        LogFormat.PLAIN.apply();
        LoggerFactory.getLogger(LogFormatTest.class).info("plain line");
        System.setOut(console);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("INFO").contains("plain line").doesNotContain("{");

        assertThat(LogFormat.of("json")).contains(LogFormat.JSON);
        assertThat(LogFormat.of(" Plain ")).contains(LogFormat.PLAIN);
        assertThat(LogFormat.of("xml")).isEqualTo(Optional.empty());
        ServerMain main = new ServerMain();
        new picocli.CommandLine(main).parseArgs("--log-format", "xml", "--port", "0");
        assertThatThrownBy(main::launch).hasMessageContaining("--log-format must be plain or json");
    }

    private List<JsonNode> logged(LogFormat format) throws Exception {
        ByteArrayOutputStream out = capture();
        format.apply();
        Logger log = LoggerFactory.getLogger(LogFormatTest.class);
        log.info("Pushed {} mutations for \"{}\"\nsecond line", 3, "megan");
        log.error("Request failed", new IllegalStateException("disk full"));
        System.setOut(console);
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(mapper.readTree(line));   // fails unless every line is one whole JSON object
            }
        }
        return lines;
    }

    private static ByteArrayOutputStream capture() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out;
    }
}

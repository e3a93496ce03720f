package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(ServerTestBase.Backend.class)
class ReadinessTest extends ServerTestBase {

    @Test
    void readyWhenTheDatabaseAnswersAtThisServersSchema() throws Exception {
        Answer ready = get("/ready", null);
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.json().path("status").asText()).isEqualTo("READY");
        assertThat(ready.json().path("schemaVersion").asText()).isNotBlank().isEqualTo(server.database().schemaVersion());
    }

    @Test
    void notReadyWhenAnotherServerMigratedFurtherOrAMigrationFailed() throws Exception {
        server.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", "
                    + "\"version\", \"description\", \"type\", \"script\", \"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (1000, '999', 'future', 'SQL', 'V999__future.sql', 'test', 0, TRUE)")) {
                return ps.executeUpdate();
            }
        });
        Answer newer = get("/ready", null);
        assertThat(newer.status()).isEqualTo(503);
        assertThat(newer.error().error()).isEqualTo("not_ready");
        assertThat(newer.error().message()).contains("version 999").contains(server.database().schemaVersion());

        server.database().inTransaction(c -> c.createStatement().executeUpdate(
                "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '999'"));
        Answer failed = get("/ready", null);
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.error().message()).contains("migration").contains("failed");
        assertThat(get("/health", null).status()).as("liveness does not look at the database").isEqualTo(200);
    }

    @Test
    void notReadyWhenTheDatabaseIsGoneWhileLivenessStaysUp() throws Exception {
        server.database().close();
        Answer gone = get("/ready", null);
        assertThat(gone.status()).isEqualTo(503);
        assertThat(gone.error().error()).isEqualTo("not_ready");
        assertThat(gone.error().message()).startsWith("The database does not answer");
        assertThat(get("/health", null).status()).isEqualTo(200);
    }
}

package ftop.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void bearerTokensAreRemoved() {
        assertThat(Redaction.message("GET /api/v1/changes Authorization: Bearer eyJhbGciOi.J9x_y-z=="))
                .isEqualTo("GET /api/v1/changes Authorization: Bearer [redacted]");
    }

    @Test
    void passwordsAndTokensWrittenAsNameAndValueAreRemoved() {
        assertThat(Redaction.message("jdbc:postgresql://db:5432/ftop?user=ftop&password=s3cr3t&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/ftop?user=ftop&password=[redacted]&ssl=true");
        assertThat(Redaction.message("token: abc.def.ghi expired")).isEqualTo("token: [redacted] expired");
        assertThat(Redaction.message("{\"user\":\"megan\",\"password\":\"p\\\"w\",\"token\":\"t1\"}"))
                .isEqualTo("{\"user\":\"megan\",\"password\":\"[redacted]\",\"token\":\"[redacted]\"}");
    }

    @Test
    void ordinaryWordsStay() {
        String line = "Sync failed (LOGIN_NEEDED): Your session expired; the token is no longer valid. Sign in again.";
        assertThat(Redaction.message(line)).isEqualTo(line);
        assertThat(Redaction.message(null)).isNull();
    }

    @Test
    void theValuesAnExceptionQuotesAreDroppedButItsShapeStays() {
        String h2 = "org.h2.jdbc.JdbcSQLDataException: Value too long for column \"EXECUTIVE_SUMMARY CHARACTER VARYING(4000)\": "
                + "\"'Board approved the migration; don''t tell anyone' (5012)\"; SQL statement:\n"
                + "insert into status_note values (?, ?) [22001-240]\n\tat org.h2.message.DbException.getJdbcSQLException(DbException.java:518)";
        String redacted = Redaction.exception(h2);

        assertThat(redacted).doesNotContain("Board approved").doesNotContain("tell anyone")
                .contains("Value too long for column \"EXECUTIVE_SUMMARY CHARACTER VARYING(4000)\"")
                .contains("'…' (5012)").contains("insert into status_note values (?, ?)")
                .contains("at org.h2.message.DbException.getJdbcSQLException(DbException.java:518)");
        // a value cut off before its closing quote goes as well
        assertThat(Redaction.exception("Unrecognized token 'secret note that never ends"))
                .isEqualTo("Unrecognized token '…'");
    }
}

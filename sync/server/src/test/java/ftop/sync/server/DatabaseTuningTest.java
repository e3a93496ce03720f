package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.change.EntityKind;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server sets up on H2 so that a push stays cheap: the statement cache and the index a push reads through. */
class DatabaseTuningTest {

    @TempDir
    Path dir;

    @Test
    void h2KeepsEnoughStatementsParsedUnlessTheUrlSaysOtherwise() throws SQLException {
        try (Database db = Database.open(ServerConfig.h2Url(dir.resolve("default")), Database.PoolSettings.defaults(),
                World.PASSWORD_ITERATIONS)) {
            assertThat(setting(db, "QUERY_CACHE_SIZE")).isEqualTo(Integer.toString(Database.H2_QUERY_CACHE_SIZE));
        }
        try (Database db = Database.open(ServerConfig.h2Url(dir.resolve("own")) + ";QUERY_CACHE_SIZE=16",
                Database.PoolSettings.defaults(), World.PASSWORD_ITERATIONS)) {
            assertThat(setting(db, "QUERY_CACHE_SIZE")).isEqualTo("16");
        }
    }

    @Test
    void theRowsOfOneKindOfACustomerAreReadThroughTheirOwnIndex() throws SQLException {
        try (Database db = Database.open(ServerConfig.h2Url(dir), Database.PoolSettings.defaults(),
                World.PASSWORD_ITERATIONS)) {
            DatasetLoader.load(db, World.dataset(), World.PASSWORD);
            long tpid = World.dataset().customers().get(0).tpid();
            assertThat(plan(db, RowStore.BY_TPID)).containsIgnoringCase("SYNC_ROW_TPID_KIND");
            // A pull's range seek per customer keeps the index that holds the revisions.
            assertThat(plan(db, "SELECT revision FROM sync_row WHERE tpid = ? AND revision > ? AND revision <= ? "
                    + "AND deleted = FALSE ORDER BY revision LIMIT ?")).containsIgnoringCase("SYNC_ROW_TPID_LIVE");
            var assignments = db.read(c -> RowStore.byTpid(c, EntityKind.ASSIGNMENT, tpid));
            assertThat(assignments).isNotEmpty().allSatisfy(row -> {
                assertThat(row.kind()).isEqualTo(EntityKind.ASSIGNMENT);
                assertThat(row.tpid()).isEqualTo(tpid);
            });
            assertThat(assignments).extracting(StoredRow::id).containsExactlyInAnyOrderElementsOf(
                    World.dataset().assignments().stream().filter(a -> a.tpid() == tpid)
                            .map(a -> EntityKind.ASSIGNMENT.idOf(a)).toList());
        }
    }

    private static String setting(Database db, String name) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "";
                }
            }
        });
    }

    private static String plan(Database db, String sql) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
                for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                    ps.setObject(i, i == 2 && sql.contains("kind = ?") ? "assignment" : (Object) 1L);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}

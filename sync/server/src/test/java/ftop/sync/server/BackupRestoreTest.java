package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.validation.Contoso;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.MutationResult;
import ftop.sync.protocol.Outcome;
import ftop.sync.protocol.RowChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Backups of the H2 database while the server runs ({@code GET /admin/backup}, {@code ftop-server
 * backup}) and restoring one with the server stopped ({@code ftop-server restore}): the restored
 * server holds what the backup held, gets a new server id and never gives out a revision number
 * again. PostgreSQL is backed up with its own tools; the endpoint says so.
 */
@ParameterizedClass
@EnumSource(ServerTestBase.Backend.class)
class BackupRestoreTest extends ServerTestBase {

    @Test
    void onlyAnAdministratorMayTakeABackup() throws Exception {
        Answer answer = get("/admin/backup", token(World.FM));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.error().message()).contains("administrator");
        assertThat(get("/admin/backup", null).status()).isEqualTo(401);
    }

    @Test
    void aBackupTakenWhileTheServerRunsIsRestoredWithANewIdAndRevisionsAboveEveryOneGivenOut() throws Exception {
        if (backend == Backend.POSTGRES) {
            Answer refused = get("/admin/backup", token(World.ADMIN));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.error().message()).contains("pg_dump");
            return;
        }
        MutationResult kept = pushOne(World.FM, note());
        Path zip = dir.resolve("backup.zip");
        long backedUpRevision = download(zip);
        assertThat(backedUpRevision).isGreaterThanOrEqualTo(kept.revision());
        MutationResult lost = pushOne(World.FM, note());
        String oldId = server.database().serverId();

        assertThatThrownBy(() -> Backups.restoreH2(zip, jdbcUrl, Clock.systemUTC()))
                .as("a running server's database").hasMessageContaining("stop the server first");

        server.stop();
        Backups.RestoreReport report = Backups.restoreH2(zip, jdbcUrl, Clock.systemUTC());
        assertThat(report.restoredRevision()).isEqualTo(backedUpRevision);
        assertThat(report.nextRevision()).as("above every revision given out").isEqualTo(lost.revision() + 1);
        assertThat(report.oldServerId()).isEqualTo(oldId);
        assertThat(report.newServerId()).isNotEqualTo(oldId);
        assertThat(report.replacedFile()).exists();

        restart();
        assertThat(server.database().serverId()).isEqualTo(report.newServerId());
        String admin = login(World.ADMIN).token();
        ChangesPage all = get("/changes?since=0&limit=5000", admin).as(ChangesPage.class);
        assertThat(all.serverId()).isEqualTo(report.newServerId());
        assertThat(all.changes()).extracting(RowChange::id).contains(kept.row().id()).doesNotContain(lost.row().id());
        MutationResult after = pushOne(World.FM, note());
        assertThat(after.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(after.revision()).isGreaterThan(lost.revision());
    }

    @Test
    void somethingThatIsNotABackupIsRefusedAndChangesNothing() throws Exception {
        if (backend == Backend.POSTGRES) {
            assertThatThrownBy(() -> Backups.restoreH2(dir.resolve("x.zip"), jdbcUrl, Clock.systemUTC()))
                    .hasMessageContaining("pg_restore");
            return;
        }
        server.stop();
        Path notAZip = Files.writeString(dir.resolve("notes.zip"), "not a zip");
        assertThatThrownBy(() -> Backups.restoreH2(notAZip, jdbcUrl, Clock.systemUTC())).hasMessageContaining("not a zip");
        Path empty = dir.resolve("empty.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(empty))) {
            out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
        }
        assertThatThrownBy(() -> Backups.restoreH2(empty, jdbcUrl, Clock.systemUTC()))
                .hasMessageContaining("not a backup of the FTOP server");
        restart();
        assertThat(login(World.FM).token()).isNotBlank();
    }

    @Test
    void theCommandLineBacksUpAndRestores() throws Exception {
        if (backend == Backend.POSTGRES) {
            return;
        }
        MutationResult kept = pushOne(World.FM, note());
        Path password = Files.writeString(dir.resolve("password"), World.PASSWORD + "\n");
        Path zip = dir.resolve("cli-backup.zip");
        assertThat(ServerMain.run("backup", "--to", zip.toString(), "--server", server.baseUri().toString(),
                "--user", World.ADMIN.userId(), "--password-file", password.toString())).isZero();
        assertThat(zip).exists();
        assertThat(dir.resolve("cli-backup.zip.part")).doesNotExist();
        MutationResult lost = pushOne(World.FM, note());

        assertThat(ServerMain.run("restore", "--from", zip.toString(), "--jdbc-url", jdbcUrl)).as("while it runs").isEqualTo(1);
        server.stop();
        assertThat(ServerMain.run("restore", "--from", zip.toString(), "--jdbc-url", jdbcUrl)).isZero();
        restart();
        List<String> ids = get("/changes?since=0&limit=5000", login(World.ADMIN).token()).as(ChangesPage.class)
                .changes().stream().map(RowChange::id).toList();
        assertThat(ids).contains(kept.row().id()).doesNotContain(lost.row().id());
    }

    private long download(Path zip) throws Exception {
        Request request = new Request.Builder().url(url("/admin/backup"))
                .header("Authorization", "Bearer " + token(World.ADMIN)).build();
        try (Response r = http.newCall(request).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("application/zip");
            Files.copy(r.body().byteStream(), zip);
            return Long.parseLong(r.header(Backups.REVISION_HEADER));
        }
    }

    private static Mutation note() {
        UUID id = UUID.randomUUID();
        Map<String, JsonNode> fields = new HashMap<>();
        fields.put("id", TextNode.valueOf(id.toString()));
        fields.put("tpid", LongNode.valueOf(Contoso.TPID));
        fields.put("tenantId", TextNode.valueOf(Contoso.WINNER_TENANT_ID.toString()));
        fields.put("executiveSummary", TextNode.valueOf("A note"));
        fields.put("author", TextNode.valueOf(World.FM.userId()));
        fields.put("createdAt", TextNode.valueOf("2021-05-03T09:30:00Z"));
        return Mutation.upsert(EntityKind.STATUS_NOTE, id.toString(), 0, fields);
    }
}

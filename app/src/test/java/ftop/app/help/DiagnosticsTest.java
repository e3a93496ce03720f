package ftop.app.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftop.app.AppFixtures;
import ftop.app.AppVersion;
import ftop.core.change.EntityCodec;
import ftop.core.change.Mutation;
import ftop.core.store.ConflictField;
import ftop.core.store.LocalStore;
import ftop.core.validation.Contoso;

/** The diagnostics text and the facts it is made of, on real files and a real store. */
class DiagnosticsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");

    @TempDir
    Path workspace;

    @Test
    void theTextSaysWhatSupportNeeds() {
        SyncFacts sync = new SyncFacts("offline", Optional.of("https://ftop.example.com/"), false,
                Optional.of("megan.bowen"), Optional.of(NOW.minusSeconds(3 * 3600)),
                Optional.of("Cannot reach the server at https://ftop.example.com/."),
                Optional.of("verified at 2026-03-02T07:15:00Z; last repaired customers 1001, 2002 at 2026-03-01T16:00:00Z"));
        Diagnostics diagnostics = new Diagnostics(NOW, "1.2.0", true, "17.0.15 (Eclipse Adoptium, OpenJDK 64-Bit Server VM)",
                "Linux 6.1 amd64", Path.of("/home/megan/.local/share/ftop/demo"), new FolderSize(37, 12_400_000), sync,
                Optional.of(new EditCounts(3, 1, 0)),
                List.of("2026-03-02 09:00:00.000 WARN  [ftop-sync] ftop.sync.client.SyncEngine - Sync failed"));

        assertThat(diagnostics.text(ZoneOffset.UTC)).isEqualTo("""
                FTOP Desktop diagnostics, 2026-03-02 10:15:00 Z
                App version: 1.2.0 (installed)
                Java: 17.0.15 (Eclipse Adoptium, OpenJDK 64-Bit Server VM)
                OS: Linux 6.1 amd64
                Workspace: /home/megan/.local/share/ftop/demo (37 files, 12.4 MB)
                Log folder: /home/megan/.local/share/ftop/demo/logs
                Sync: offline
                Server: https://ftop.example.com/
                Signed in as: megan.bowen
                Last successful sync: 2026-03-02 07:15:00 Z (3 h ago)
                Last sync problem: Cannot reach the server at https://ftop.example.com/.
                Cache check: verified at 2026-03-02T07:15:00Z; last repaired customers 1001, 2002 at 2026-03-01T16:00:00Z
                Unsynced edits: 3 pending, 1 conflict, 0 rejected
                Recent warnings and errors (last 20 in the log):
                  2026-03-02 09:00:00.000 WARN  [ftop-sync] ftop.sync.client.SyncEngine - Sync failed
                """);
    }

    @Test
    void aLocalWorkspaceWithoutLogOrSyncSaysSo() {
        Diagnostics diagnostics = new Diagnostics(NOW, "1.0.0-SNAPSHOT", false, "17", "Linux", workspace,
                new FolderSize(0, 0), SyncFacts.none(Optional.empty()), Optional.empty(), List.of());

        assertThat(diagnostics.text(ZoneOffset.UTC))
                .contains("App version: 1.0.0-SNAPSHOT (jar)\n")
                .contains("Sync: " + SyncFacts.LOCAL_ONLY + "\n")
                .contains("Server: none\n")
                .contains("Signed in as: nobody\n")
                .contains("Last successful sync: never\n")
                .contains("Unsynced edits: unknown (the workspace's outbox could not be read)\n")
                .endsWith("(last 20 in the log):\n  none\n")
                .doesNotContain("Last sync problem");
    }

    @Test
    void theLastTwentyWarningsAndErrorsAreQuotedOldestFirstWithoutTheirStacks() throws IOException {
        Path logs = Files.createDirectories(workspace.resolve("logs"));
        List<String> lines = new ArrayList<>();
        // yesterday's file, rolled over: its last problems come before today's
        for (int i = 1; i <= 5; i++) {
            lines.add("2026-03-01 23:00:0" + i + ".000 ERROR [main] ftop.Old - old problem " + i);
        }
        Files.write(logs.resolve("ftop-2026-03-01.0.log"), lines, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(logs.resolve("ftop-2026-03-01.0.log"),
                java.nio.file.attribute.FileTime.from(NOW.minusSeconds(86_400)));
        lines.clear();
        for (int i = 1; i <= 15; i++) {
            lines.add("2026-03-02 08:00:00.000 INFO  [main] ftop.New - all well " + i);
            lines.add("2026-03-02 08:00:%02d.000 WARN  [ftop-io-1] ftop.New - problem %d".formatted(i, i));
            lines.add("java.lang.IllegalStateException: problem " + i);
            lines.add("\tat ftop.New.run(New.java:" + i + ")");
        }
        lines.add("2026-03-02 09:00:00.000 ERROR [main] ftop.New - Authorization: Bearer abc.def was refused");
        Files.write(logs.resolve("ftop.log"), lines, StandardCharsets.UTF_8);

        List<String> problems = RecentProblems.in(logs, 20);

        assertThat(problems).hasSize(20);
        assertThat(problems.subList(0, 4)).containsExactly(
                "2026-03-01 23:00:02.000 ERROR [main] ftop.Old - old problem 2",
                "2026-03-01 23:00:03.000 ERROR [main] ftop.Old - old problem 3",
                "2026-03-01 23:00:04.000 ERROR [main] ftop.Old - old problem 4",
                "2026-03-01 23:00:05.000 ERROR [main] ftop.Old - old problem 5");
        assertThat(problems.get(4)).isEqualTo("2026-03-02 08:00:01.000 WARN  [ftop-io-1] ftop.New - problem 1");
        assertThat(problems.get(19)).isEqualTo("2026-03-02 09:00:00.000 ERROR [main] ftop.New - Authorization: Bearer [redacted] was refused");
        assertThat(problems).noneMatch(p -> p.contains("INFO") || p.contains("Exception") || p.contains("\tat"));
        assertThat(RecentProblems.in(workspace.resolve("nothing-here"), 20)).isEmpty();
    }

    @Test
    void theWorkspaceSizeCountsEveryFileBelowIt() throws IOException {
        Files.write(workspace.resolve("a.bin"), new byte[1500]);
        Files.write(Files.createDirectories(workspace.resolve("logs/old")).resolve("b.log"), new byte[2500]);

        FolderSize size = FolderSize.of(workspace);

        assertThat(size).isEqualTo(new FolderSize(2, 4000));
        assertThat(new FolderSize(37, 12_400_000).describe()).isEqualTo("37 files, 12.4 MB");
        assertThat(FolderSize.of(workspace.resolve("missing"))).isEqualTo(new FolderSize(0, 0));
    }

    @Test
    void theCountsOfUnsyncedEditsComeFromTheOutbox() {
        try (LocalStore store = LocalStore.open(workspace.resolve("store"))) {
            store.bulkLoad(AppFixtures.dataset(), 5);
            Mutation renamed = store.save(EntityCodec.apply(Contoso.CUSTOMER, Map.of("name", TextNode.valueOf("Contoso Ltd"))));
            Mutation area = store.save(EntityCodec.apply(Contoso.FABRIKAM, Map.of("area", TextNode.valueOf("US West"))));
            store.save(EntityCodec.apply(Contoso.health(), Map.of("progress.status", TextNode.valueOf("NO_INTENT"))));
            store.outbox().markConflict(renamed.id(), List.of(new ConflictField("name", TextNode.valueOf("Contoso Ltd"),
                    TextNode.valueOf("Contoso plc"), "alex.wilber", NOW)), 9,
                    ftop.core.Json.mapper().valueToTree(Contoso.CUSTOMER));
            store.outbox().markRejected(area.id(), "Forbidden: not your region");

            assertThat(EditCounts.of(store)).isEqualTo(new EditCounts(1, 1, 1));

            Diagnostics collected = Diagnostics.collect(workspace, Optional.of(store), Optional.empty(),
                    Optional.of("megan.bowen"), Clock.fixed(NOW, ZoneOffset.UTC));
            assertThat(collected.edits()).contains(new EditCounts(1, 1, 1));
            assertThat(collected.appVersion()).isEqualTo(AppVersion.current());
            assertThat(collected.installed()).isFalse();
            assertThat(collected.java()).startsWith(System.getProperty("java.version"));
            assertThat(collected.workspaceSize().files()).isPositive();
            assertThat(collected.sync().user()).contains("megan.bowen");
        }
    }
}

package ftop.app.help;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import ftop.app.AppVersion;
import ftop.app.logging.DesktopLogging;
import ftop.app.sync.SyncSession;
import ftop.app.workspace.WorkspaceLocation;
import ftop.core.store.WorkspaceReads;

/**
 * What support needs to know about this app and its workspace, as one text to paste into a
 * ticket: versions, system, workspace folder and size, sync state, unsynced edits and the last
 * problems from the log. Holds no password, token or note: the log lines quoted are written
 * redacted, and nothing else here is a secret.
 *
 * @param takenAt        when the facts were gathered
 * @param appVersion     the app's version
 * @param installed      true for the installed app, false for the plain jar
 * @param java           the Java runtime: version, vendor and VM
 * @param os             the operating system: name, version, architecture
 * @param workspace      the workspace folder
 * @param workspaceSize  what the workspace folder holds
 * @param sync           where sync stands
 * @param edits          edits the server has not taken yet; empty when the store could not be read
 * @param recentProblems the last WARN and ERROR lines of the log, oldest first
 */
public record Diagnostics(Instant takenAt, String appVersion, boolean installed, String java, String os,
        Path workspace, FolderSize workspaceSize, SyncFacts sync, Optional<EditCounts> edits,
        List<String> recentProblems) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    public Diagnostics {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(appVersion, "appVersion");
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(workspaceSize, "workspaceSize");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(edits, "edits");
        recentProblems = List.copyOf(recentProblems);
    }

    /**
     * Gathers the facts of this process and workspace. Reads files and the store: call it off the
     * FX thread.
     *
     * @param workspace the workspace folder
     * @param reads     the workspace's read port, for the counts of unsynced edits; empty when it has none
     * @param session   the workspace's sync, when it has one
     * @param user      the workspace's user, for a workspace without sync
     */
    public static Diagnostics collect(Path workspace, Optional<WorkspaceReads> reads, Optional<SyncSession> session,
            Optional<String> user, Clock clock) {
        Optional<EditCounts> edits;
        try {
            edits = reads.map(EditCounts::of);
        } catch (RuntimeException e) {
            // a closed or broken store: the rest of the diagnostics matter all the more
            edits = Optional.empty();
        }
        return new Diagnostics(clock.instant(), AppVersion.current(),
                System.getProperty(WorkspaceLocation.INSTALLED_PROPERTY) != null,
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                        + System.getProperty("java.vm.name") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                workspace.toAbsolutePath(), FolderSize.of(workspace),
                session.map(Diagnostics::syncFacts).orElseGet(() -> SyncFacts.none(user)), edits,
                RecentProblems.in(DesktopLogging.folder(workspace), RecentProblems.DEFAULT_COUNT));
    }

    /** The text put on the clipboard, times in {@code zone}. */
    public String text(ZoneId zone) {
        StringBuilder out = new StringBuilder();
        out.append("FTOP Desktop diagnostics, ").append(TIME.format(takenAt.atZone(zone))).append('\n');
        line(out, "App version", appVersion + (installed ? " (installed)" : " (jar)"));
        line(out, "Java", java);
        line(out, "OS", os);
        line(out, "Workspace", workspace + " (" + workspaceSize.describe() + ")");
        line(out, "Log folder", DesktopLogging.folder(workspace).toString());
        line(out, "Sync", sync.state());
        line(out, "Server", sync.server().map(url -> url + (sync.demo() ? " (the demo's own server, in the app)" : ""))
                .orElse("none"));
        line(out, "Signed in as", sync.user().orElse("nobody"));
        line(out, "Last successful sync", sync.lastSuccess()
                .map(when -> TIME.format(when.atZone(zone)) + " (" + ago(when) + ")").orElse("never"));
        sync.problem().ifPresent(problem -> line(out, "Last sync problem", problem));
        sync.cacheCheck().ifPresent(check -> line(out, "Cache check", check));
        line(out, "Unsynced edits", edits.map(EditCounts::describe).orElse("unknown (the workspace's outbox could not be read)"));
        out.append("Recent warnings and errors (last ").append(RecentProblems.DEFAULT_COUNT).append(" in the log):\n");
        if (recentProblems.isEmpty()) {
            out.append("  none\n");
        }
        recentProblems.forEach(problem -> out.append("  ").append(problem).append('\n'));
        return out.toString();
    }

    private static SyncFacts syncFacts(SyncSession session) {
        SyncFacts facts = SyncFacts.of(session);
        try {
            return session.connected() ? facts.withCacheCheck(session) : facts;
        } catch (RuntimeException e) {
            // a closed or broken store: the rest of the diagnostics matter all the more
            return facts;
        }
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(name).append(": ").append(value).append('\n');
    }

    private String ago(Instant when) {
        Duration age = Duration.between(when, takenAt);
        if (age.isNegative() || age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + (age.toDays() == 1 ? " day ago" : " days ago");
    }
}

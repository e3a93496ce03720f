package ftop.sync.server;

import picocli.CommandLine.Option;

/** The retention periods, shared by {@code ftop-server prune} and the server's own schedule. */
final class RetentionOptions {

    @Option(names = "--keep-answers-days", paramLabel = "DAYS", defaultValue = "${env:FTOP_KEEP_ANSWERS_DAYS:-90}",
            description = "Answers to mutations from clients that send no client id (older desktops), in days; "
                    + "desktops of this version are answered exactly once whatever this says (default ${DEFAULT-VALUE}).")
    int answerDays;

    @Option(names = "--keep-clients-days", paramLabel = "DAYS", defaultValue = "${env:FTOP_KEEP_CLIENTS_DAYS:-730}",
            description = "A desktop not seen for this many days is forgotten with its unacknowledged answers "
                    + "(default ${DEFAULT-VALUE}; 0 keeps them for ever).")
    int clientDays;

    @Option(names = "--keep-history-days", paramLabel = "DAYS", defaultValue = "${env:FTOP_KEEP_HISTORY_DAYS:-730}",
            description = "Field history (audit trail, trends, conflict detection) in days (default ${DEFAULT-VALUE}; 0 keeps it for ever).")
    int historyDays;

    @Option(names = "--keep-tombstones-days", paramLabel = "DAYS", defaultValue = "${env:FTOP_KEEP_TOMBSTONES_DAYS:-180}",
            description = "Tombstones of deleted rows, in days; a desktop that last synced before then syncs afresh "
                    + "(default ${DEFAULT-VALUE}; 0 keeps them for ever).")
    int tombstoneDays;

    /** The policy these options describe. */
    Retention.Policy policy() {
        return new Retention.Policy(answerDays, clientDays, historyDays, tombstoneDays);
    }
}

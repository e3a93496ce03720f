package ftop.sync.protocol;

import java.util.List;

/**
 * What a feed import ({@code POST /api/v1/feeds/commerce}, {@code /feeds/usage},
 * {@code /tenants/exceptions}) did, line by line. Importing the same file again creates and
 * updates nothing: every line is skipped.
 *
 * @param feed           which import: {@code commerce}, {@code usage} or {@code tenant-exception}
 * @param lines          data lines read (CSV lines after the header, or JSON items)
 * @param created        rows created
 * @param updated        rows changed
 * @param skipped        lines whose row already held those values
 * @param rejected       lines not imported, with their line number and the reason
 * @param serverRevision the server revision after the import; clients pull the changes from there
 */
public record ImportReport(String feed, int lines, int created, int updated, int skipped,
                           List<RejectedLine> rejected, long serverRevision) {

    public ImportReport {
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    /**
     * A line a feed import did not take.
     *
     * @param line   the line number: in CSV the physical line of the file (the header is line 1), in
     *               JSON the position of the item in the array, from 1
     * @param key    what the line was about (a tenant id, {@code tpid:WORKLOAD}), empty when unreadable
     * @param field  the column at fault, null when the whole line is
     * @param reason why, for a person
     */
    public record RejectedLine(int line, String key, String field, String reason) {
    }
}

package ftop.sync.server;

import ftop.core.assignment.Assignment;
import ftop.core.change.EntityKind;
import ftop.core.customer.Customer;
import ftop.core.health.Workload;
import ftop.core.permission.CustomerAccess;
import ftop.core.permission.Decision;
import ftop.core.permission.Permissions;
import ftop.core.tenant.EnterpriseLevel;
import ftop.core.tenant.Tenant;
import ftop.core.tenant.TenantOrigin;
import ftop.core.usage.WorkloadUsage;
import ftop.core.user.User;
import ftop.core.validation.Problem;
import ftop.core.validation.TenantExceptions;
import ftop.core.validation.Validator;
import ftop.sync.protocol.ImportReport;
import ftop.sync.protocol.ImportReport.RejectedLine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The feeds that bring master data in from outside, as the seeds describe them:
 * <ul>
 *   <li>{@code POST /api/v1/feeds/commerce}: tenants from the commerce feed (columns {@code tenantId,
 *       name, tpid, userCount}). A new tenant attaches to its customer by TPID (origin commerce
 *       feed); a known tenant gets the feed's name and user count, keeping its flags, origin and
 *       notes; a TPID FTOP does not know rejects the line.</li>
 *   <li>{@code POST /api/v1/feeds/usage}: active against entitled usage per customer and workload
 *       (columns {@code tpid, workload, active, entitled, asOf}).</li>
 *   <li>{@code POST /api/v1/tenants/exceptions}: a tenant added by hand (same columns as the
 *       commerce feed, origin tenant exception); a tenant already in FTOP is not overwritten. The
 *       lines are checked by {@link TenantExceptions}, the rules the desktop's dialog uses.</li>
 * </ul>
 * Bodies are CSV ({@code text/csv}, with a header line) or JSON ({@code application/json}, an array
 * of objects or one object). Each import is idempotent (a line whose row already holds its values
 * is skipped) and answers an {@link ImportReport} with the line number and reason of every rejected
 * line; good lines are imported even when others are rejected.
 *
 * <p>Who may import: the seeds say the assignment team adds tenants from the commerce feed and
 * tenant exceptions, so imports are open to the assignment team, administrators and regional leads
 * (anyone else gets 403 and nothing changes). Each line is then checked with the same
 * {@link Permissions#canChange} rule as a client's edit, so a lead's lines for customers outside
 * their region are rejected. Every change goes through {@link RowWrites}: a new revision, field
 * history and scope updates, so desktop clients pull feed changes like any other.
 */
final class FeedsApi {

    static final Set<String> TENANT_COLUMNS = new LinkedHashSet<>(List.of("tenantId", "name", "tpid", "userCount"));
    /** A tenant line may leave out its user count (a new tenant then has 0 users, a known one keeps its count). */
    static final Set<String> TENANT_REQUIRED = new LinkedHashSet<>(List.of("tenantId", "name", "tpid"));
    static final Set<String> USAGE_COLUMNS = new LinkedHashSet<>(List.of("tpid", "workload", "active", "entitled", "asOf"));

    private final Database db;
    private final Clock clock;

    FeedsApi(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.post(FtopServer.API + "/feeds/commerce", ctx -> run(ctx, "commerce", TENANT_COLUMNS, TENANT_REQUIRED,
                (w, line) -> tenant(w, line, TenantOrigin.COMMERCE_FEED)));
        routes.post(FtopServer.API + "/feeds/usage", ctx -> run(ctx, "usage", USAGE_COLUMNS, USAGE_COLUMNS,
                FeedsApi::usage));
        routes.post(FtopServer.API + "/tenants/exceptions", ctx -> run(ctx, "tenant-exception", TENANT_COLUMNS,
                TENANT_REQUIRED, FeedsApi::tenantException));
    }

    /** What one line did. */
    private enum Done { CREATED, UPDATED, SKIPPED }

    /** A line refused, with the column at fault. */
    private static final class Rejected extends Exception {
        final String key;
        final String field;

        Rejected(String key, String field, String reason) {
            super(reason, null, false, false);
            this.key = key;
            this.field = field;
        }
    }

    /** The state one import works in: caller, transaction, validation context, time. */
    private record Work(Connection c, User user, ServerValidationContext context, Instant now) {
    }

    @FunctionalInterface
    private interface LineImport {
        Done apply(Work work, FeedLines.Line line) throws Rejected, SQLException;
    }

    private void run(Context ctx, String feed, Set<String> columns, Set<String> required, LineImport importer)
            throws SQLException {
        User user = Http.user(ctx);
        Decision allowed = Permissions.canImportMasterData(user);
        if (allowed.denied()) {
            throw ApiException.forbidden(allowed.reason());
        }
        List<FeedLines.Line> lines = FeedLines.parse(ctx.header("Content-Type"), ctx.bodyAsBytes(), columns, required);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ServerValidationContext.EARLIEST_ZONE);
        ImportReport report = db.inRevisionTransaction(c -> {
            Work work = new Work(c, user, new ServerValidationContext(c, today), now);
            int created = 0;
            int updated = 0;
            int skipped = 0;
            List<RejectedLine> rejected = new ArrayList<>();
            for (FeedLines.Line line : lines) {
                try {
                    if (line.problem() != null) {
                        throw new Rejected("", null, line.problem());
                    }
                    switch (importer.apply(work, line)) {
                        case CREATED -> created++;
                        case UPDATED -> updated++;
                        case SKIPPED -> skipped++;
                    }
                } catch (Rejected r) {
                    rejected.add(new RejectedLine(line.number(), r.key, r.field, r.getMessage()));
                }
            }
            return new ImportReport(feed, lines.size(), created, updated, skipped, rejected, RowStore.currentRevision(c));
        });
        Http.json(ctx, 200, report);
    }

    // ---- tenants ---------------------------------------------------------------------------

    private static Done tenant(Work w, FeedLines.Line line, TenantOrigin origin) throws Rejected, SQLException {
        String rawId = required(line, "", "tenantId");
        UUID tenantId;
        try {
            tenantId = UUID.fromString(rawId);
        } catch (IllegalArgumentException e) {
            throw new Rejected(rawId, "tenantId", "tenantId \"" + rawId + "\" is not a tenant ID (a GUID such as "
                    + "0f8fad5b-d9cb-469f-a165-70867728950e)");
        }
        String key = tenantId.toString();
        String name = required(line, key, "name");
        long tpid = number(line, key, "tpid", true);
        Long userCount = line.get("userCount") == null ? null : number(line, key, "userCount", false);

        Optional<StoredRow> stored = RowStore.find(w.c(), EntityKind.TENANT, key, true).filter(r -> !r.deleted());
        Tenant before = stored.map(StoredRow::<Tenant>entity).orElse(null);
        Tenant after;
        if (before == null) {
            after = new Tenant(tenantId, name, tpid, false, Optional.empty(), Optional.empty(),
                    userCount == null ? 0 : userCount, origin);
        } else {
            long users = userCount == null ? before.userCount() : userCount;
            // An "Is Enterprise" level follows the user count, so the feed never leaves it contradicting.
            Optional<EnterpriseLevel> level = before.enterpriseLevel().map(l -> EnterpriseLevel.forUserCount(users));
            after = new Tenant(tenantId, name, tpid, before.winner(), before.covidRfaApprovedOn(), level, users,
                    before.origin());
            if (after.equals(before)) {
                return Done.SKIPPED;
            }
        }
        return write(w, key, EntityKind.TENANT, before, after);
    }

    /**
     * A tenant added by hand, checked by {@link TenantExceptions} as the desktop's dialog checks it.
     * A line whose tenant is already in FTOP with the line's values is skipped (imports are idempotent).
     */
    private static Done tenantException(Work w, FeedLines.Line line) throws Rejected, SQLException {
        TenantExceptions.Entry entry = new TenantExceptions.Entry(line.get("tenantId"), line.get("name"),
                line.get("tpid"), line.get("userCount"), TenantOrigin.TENANT_EXCEPTION);
        String key = entry.tenantId();
        Optional<Tenant> known = Optional.empty();
        try {
            known = w.context().tenant(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            // not a GUID: the check below says so
        }
        if (known.isPresent() && known.get().name().equals(entry.name())
                && Long.toString(known.get().tpid()).equals(entry.tpid())
                && (entry.userCount().isEmpty() || Long.toString(known.get().userCount()).equals(entry.userCount()))) {
            return Done.SKIPPED;
        }
        TenantExceptions.Checked checked = TenantExceptions.check(entry, w.context());
        if (!checked.ok()) {
            String field = checked.problems().get(0).field();
            throw new Rejected(key, field == null || field.isEmpty() ? null : field,
                    checked.problems().stream().map(Problem::message).collect(Collectors.joining(" ")));
        }
        return write(w, key, EntityKind.TENANT, null, checked.tenant().get());
    }

    // ---- usage -----------------------------------------------------------------------------

    private static Done usage(Work w, FeedLines.Line line) throws Rejected, SQLException {
        String tpidText = line.get("tpid");
        String workloadText = line.get("workload");
        String rawKey = (tpidText == null ? "" : tpidText) + ":" + (workloadText == null ? "" : workloadText);
        long tpid = number(line, rawKey, "tpid", true);
        Workload workload = workload(required(line, rawKey, "workload"), rawKey);
        String key = tpid + ":" + workload.name();
        long active = number(line, key, "active", false);
        long entitled = number(line, key, "entitled", false);
        String asOfText = required(line, key, "asOf");
        LocalDate asOf;
        try {
            asOf = LocalDate.parse(asOfText);
        } catch (DateTimeParseException e) {
            throw new Rejected(key, "asOf", "asOf \"" + asOfText + "\" is not a date (YYYY-MM-DD, e.g. 2021-06-30)");
        }
        WorkloadUsage after = new WorkloadUsage(tpid, workload, active, entitled, asOf);
        Optional<StoredRow> stored = RowStore.find(w.c(), EntityKind.USAGE, after.id(), true).filter(r -> !r.deleted());
        WorkloadUsage before = stored.map(StoredRow::<WorkloadUsage>entity).orElse(null);
        if (after.equals(before)) {
            return Done.SKIPPED;
        }
        return write(w, key, EntityKind.USAGE, before, after);
    }

    private static Workload workload(String text, String key) throws Rejected {
        String normal = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (Workload w : Workload.values()) {
            if (w.name().equals(normal) || w.label().equalsIgnoreCase(text.trim())) {
                return w;
            }
        }
        throw new Rejected(key, "workload", "workload \"" + text + "\" is not one of " + Arrays.toString(Workload.values()));
    }

    // ---- shared ----------------------------------------------------------------------------

    /** Customer, permission and validation checks, then the write through {@link RowWrites}. */
    private static Done write(Work w, String key, EntityKind kind, Object before, Object after)
            throws Rejected, SQLException {
        long tpid = kind.tpidOf(after);
        Optional<Customer> customer = w.context().customer(tpid);
        if (customer.isEmpty()) {
            throw new Rejected(key, "tpid", "There is no customer with TPID " + tpid + " in FTOP; the line was not imported");
        }
        List<Assignment> assignments = new ArrayList<>();
        for (StoredRow a : RowStore.byTpid(w.c(), EntityKind.ASSIGNMENT, tpid)) {
            assignments.add(a.entity());
        }
        Decision decision = Permissions.canChange(w.user(), CustomerAccess.of(customer.get(), assignments), before, after);
        if (decision.denied()) {
            throw new Rejected(key, null, Permissions.REFUSED + decision.reason());
        }
        List<Problem> problems = Validator.validate(after, w.context());
        if (!problems.isEmpty()) {
            String field = problems.get(0).field();
            throw new Rejected(key, field == null || field.isEmpty() ? null : field,
                    problems.stream().map(Problem::message).collect(Collectors.joining(" ")));
        }
        RowWrites.write(w.c(), w.user().userId(), w.now(), kind, key, before, after);
        return before == null ? Done.CREATED : Done.UPDATED;
    }

    private static String required(FeedLines.Line line, String key, String column) throws Rejected {
        String value = line.get(column);
        if (value == null) {
            throw new Rejected(Objects.requireNonNullElse(key, ""), column, column + " is missing");
        }
        return value;
    }

    private static long number(FeedLines.Line line, String key, String column, boolean positive) throws Rejected {
        String text = required(line, key, column);
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Rejected(key, column, column + " must be a whole number, not \"" + text + "\"");
        }
        if (positive ? value <= 0 : value < 0) {
            throw new Rejected(key, column, column + " must be " + (positive ? "positive" : "zero or more") + ", not " + value);
        }
        return value;
    }
}

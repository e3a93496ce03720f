package ftop.core.assignment;

import ftop.core.Labelled;
import ftop.core.assignment.CsvImport.ImportLine;
import ftop.core.assignment.CsvImport.Status;
import ftop.core.csv.CsvReader;
import ftop.core.csv.CsvRow;
import ftop.core.csv.CsvWriter;
import ftop.core.csv.FormulaGuard;
import ftop.core.customer.Customer;
import ftop.core.tenant.Tenant;
import ftop.core.validation.AssignmentRules;
import ftop.core.validation.CachingValidationContext;
import ftop.core.validation.Problem;
import ftop.core.validation.ValidationContext;
import ftop.core.validation.Validator;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Assignments as CSV, for spreadsheets and the command line. One line per assignment:
 *
 * <pre>
 * tpid,customer,area,role,user,scope,primary
 * 1001,Contoso,Customer Health,FastTrack Manager,megan.bowen,Customer;contoso.onmicrosoft.com,yes
 * </pre>
 *
 * <ul>
 *   <li>{@code tpid}: the customer; {@code customer}: its name, written for people and, when filled in on
 *       import, checked against the TPID so a shifted column is caught;</li>
 *   <li>{@code area} and {@code role}: the label ("Customer Health", "FastTrack Manager") or the constant
 *       name ({@code CUSTOMER_HEALTH}, {@code FM}), any case;</li>
 *   <li>{@code user}: the user ID (sign-in name);</li>
 *   <li>{@code scope}: the ticked boxes separated by {@code ;}: {@code Customer} and tenant names (or
 *       tenant IDs) of that customer;</li>
 *   <li>{@code primary}: {@code yes} or {@code no} (also true/false, 1/0; empty means no).</li>
 * </ul>
 *
 * <p>The file is read and written by {@link CsvReader} and {@link CsvWriter}: a value that a
 * spreadsheet would run as a formula is written with a leading apostrophe ({@link FormulaGuard}),
 * which import removes again.
 *
 * <p>The header is required; columns may come in any order and {@code customer} and {@code primary}
 * may be left out. An import line states how an assignment (customer, area, role, user) should be:
 * it is added if missing, or changed to exactly the line's scope and primary flag. Assignments the
 * file does not mention are left alone; use a batch unassign to remove people.
 */
public final class AssignmentCsv {

    /** The columns {@link #export} writes, in order. */
    public static final List<String> HEADER = List.of("tpid", "customer", "area", "role", "user", "scope", "primary");

    private static final Set<String> REQUIRED = Set.of("tpid", "area", "role", "user", "scope");
    private static final String CUSTOMER_BOX = "Customer";

    private AssignmentCsv() {
    }

    /**
     * Writes {@code assignments} as CSV with the {@link #HEADER}, ordered by TPID, area, role and user,
     * lines ending in CRLF as spreadsheets expect.
     *
     * @param context names customers and tenants
     * @return the number of assignments written
     */
    public static int export(Collection<Assignment> assignments, ValidationContext context, Writer out)
            throws IOException {
        List<Assignment> sorted = new ArrayList<>(assignments);
        sorted.sort(Comparator.comparingLong(Assignment::tpid).thenComparing(Assignment::area)
                .thenComparing(Assignment::role).thenComparing(Assignment::userId));
        CsvWriter csv = new CsvWriter(out).row(HEADER);
        Map<Long, Map<UUID, Tenant>> tenantsByTpid = new HashMap<>();
        ValidationContext remembering = new CachingValidationContext(context);
        for (Assignment a : sorted) {
            Map<UUID, Tenant> tenants = tenantsByTpid.computeIfAbsent(a.tpid(), tpid -> context.tenantsOf(tpid).stream()
                    .collect(Collectors.toMap(Tenant::tenantId, t -> t, (x, y) -> x)));
            List<String> boxes = new ArrayList<>();
            if (a.customerScope()) {
                boxes.add(CUSTOMER_BOX);
            }
            // Tenants sorted by name, so exports of the same data are identical.
            // A name that holds the separator (or is unknown) is written as the tenant ID, which reads back the same.
            a.tenantIds().stream()
                    .map(id -> tenants.containsKey(id) && !tenants.get(id).name().contains(";")
                            ? tenants.get(id).name() : id.toString())
                    .sorted()
                    .forEach(boxes::add);
            List<String> row = List.of(Long.toString(a.tpid()),
                    remembering.customer(a.tpid()).map(Customer::name).orElse(""),
                    a.area().label(), a.role().label(), a.userId(), String.join(";", boxes), a.primary() ? "yes" : "no");
            csv.row(row);
        }
        csv.flush();
        out.flush();
        return sorted.size();
    }

    /**
     * Reads an assignment CSV file and works out what importing it would do, writing nothing. Every
     * bad line is reported with its line number and reason: malformed, unknown customer, area, role,
     * user or tenant, a role the area does not offer, a duplicate of an earlier line, a change the
     * permission refuses, or any other rule an assignment must follow.
     *
     * @param current    the current assignments and what validation checks against
     * @param permission who may change what
     */
    public static CsvImport read(Reader in, AssignmentReader current, EditPermission permission) throws IOException {
        List<CsvRow> records = CsvReader.read(in).stream().filter(r -> !r.blank()).toList();
        if (records.isEmpty()) {
            return new CsvImport(List.of(bad(1, 0, "", "The file is empty; the first line must be the header "
                    + String.join(",", HEADER) + ".")));
        }
        CsvRow header = records.get(0);
        Map<String, Integer> columns = new HashMap<>();
        Optional<String> headerProblem = readHeader(header, columns);
        if (headerProblem.isPresent()) {
            return new CsvImport(List.of(bad(header.line(), 0, "", headerProblem.get())));
        }
        List<CsvRow> data = records.subList(1, records.size());
        Set<Long> tpids = new LinkedHashSet<>();
        for (CsvRow record : data) {
            parseTpid(field(record, columns, "tpid")).ifPresent(tpids::add);
        }
        Map<Long, List<Assignment>> byTpid = new HashMap<>();
        for (Assignment a : current.assignmentsOf(tpids)) {
            byTpid.computeIfAbsent(a.tpid(), k -> new ArrayList<>()).add(a);
        }
        LineReader reader = new LineReader(columns, byTpid, new CachingValidationContext(current.context()), permission);
        List<ImportLine> lines = new ArrayList<>();
        for (CsvRow record : data) {
            lines.add(reader.read(record));
        }
        return new CsvImport(reader.withWarnings(lines));
    }

    private static Optional<String> readHeader(CsvRow header, Map<String, Integer> columns) {
        if (header.malformed().isPresent()) {
            return Optional.of("The header cannot be read: " + header.malformed().get().message() + ".");
        }
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!HEADER.contains(name)) {
                unknown.add("\"" + header.fields().get(i) + "\"");
            } else if (columns.putIfAbsent(name, i) != null) {
                return Optional.of("The header names the column \"" + name + "\" twice.");
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).sorted().toList();
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            StringBuilder message = new StringBuilder("The first line must be the header ")
                    .append(String.join(",", HEADER)).append(" (customer and primary may be left out);");
            if (!missing.isEmpty()) {
                message.append(" missing ").append(String.join(", ", missing)).append(';');
            }
            if (!unknown.isEmpty()) {
                message.append(" unknown column ").append(String.join(", ", unknown)).append(';');
            }
            message.setCharAt(message.length() - 1, '.');
            return Optional.of(message.toString());
        }
        return Optional.empty();
    }

    private static String field(CsvRow record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= record.fields().size() ? ""
                : FormulaGuard.restore(record.fields().get(index).strip());
    }

    private static Optional<Long> parseTpid(String text) {
        try {
            long tpid = Long.parseLong(text);
            return tpid > 0 ? Optional.of(tpid) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ImportLine bad(int line, long tpid, String customerName, String message) {
        return new ImportLine(line, tpid, customerName, Status.BAD, message, Optional.empty(), Optional.empty(), List.of());
    }

    /** Judges data lines one by one, remembering earlier lines to catch duplicates. */
    private static final class LineReader {

        private final Map<String, Integer> columns;
        private final Map<Long, List<Assignment>> byTpid;
        private final ValidationContext context;
        private final EditPermission permission;
        private final Map<String, Integer> seen = new HashMap<>();
        private final Map<Long, List<Tenant>> tenants = new HashMap<>();

        LineReader(Map<String, Integer> columns, Map<Long, List<Assignment>> byTpid, ValidationContext context,
                EditPermission permission) {
            this.columns = columns;
            this.byTpid = byTpid;
            this.context = context;
            this.permission = permission;
        }

        ImportLine read(CsvRow record) {
            int line = record.line();
            if (record.malformed().isPresent()) {
                return bad(line, 0, "", "Malformed line: " + record.malformed().get().message() + ".");
            }
            if (record.fields().size() != columns.size()) {
                return bad(line, 0, "", "Malformed line: " + record.fields().size() + " fields where the header has "
                        + columns.size() + "; put a field holding a comma in double quotes.");
            }
            String tpidText = field(record, columns, "tpid");
            Optional<Long> parsed = parseTpid(tpidText);
            if (parsed.isEmpty()) {
                return bad(line, 0, "", "\"" + tpidText + "\" is not a TPID; a TPID is a positive whole number.");
            }
            long tpid = parsed.get();
            Optional<Customer> customer = context.customer(tpid);
            if (customer.isEmpty()) {
                return bad(line, tpid, "", "There is no customer " + tpid + ".");
            }
            String name = customer.get().name();
            String givenName = field(record, columns, "customer");
            if (!givenName.isEmpty() && !givenName.equalsIgnoreCase(name)) {
                return bad(line, tpid, name, "Customer " + tpid + " is " + name + ", not \"" + givenName
                        + "\"; check the TPID.");
            }
            List<String> problems = new ArrayList<>();
            String areaText = field(record, columns, "area");
            Optional<AssignmentArea> area = Labelled.parse(AssignmentArea.class, areaText);
            if (area.isEmpty()) {
                problems.add("Unknown area \"" + areaText + "\"; the areas are " + labels(AssignmentArea.values()) + ".");
            }
            String roleText = field(record, columns, "role");
            Optional<Role> role = Labelled.parse(Role.class, roleText);
            if (role.isEmpty()) {
                problems.add("Unknown role \"" + roleText + "\"; the roles are " + labels(Role.values()) + ".");
            }
            String user = field(record, columns, "user");
            if (user.isEmpty()) {
                problems.add("The user is missing.");
            } else if (context.user(user).isEmpty()) {
                problems.add("There is no user \"" + user + "\".");
            }
            boolean customerBox = false;
            Set<UUID> tenantIds = new LinkedHashSet<>();
            String scopeText = field(record, columns, "scope");
            for (String box : scopeText.split(";")) {
                String wanted = box.strip();
                if (wanted.isEmpty()) {
                    continue;
                }
                if (wanted.equalsIgnoreCase(CUSTOMER_BOX)) {
                    customerBox = true;
                    continue;
                }
                Optional<Tenant> tenant = tenantsOf(tpid).stream()
                        .filter(t -> t.name().equalsIgnoreCase(wanted) || t.tenantId().toString().equalsIgnoreCase(wanted))
                        .findFirst();
                if (tenant.isPresent()) {
                    tenantIds.add(tenant.get().tenantId());
                } else {
                    problems.add("Customer " + name + " has no tenant \"" + wanted + "\".");
                }
            }
            if (scopeText.isBlank()) {
                problems.add("The scope is empty; write Customer and/or tenant names separated by ;.");
            }
            String primaryText = field(record, columns, "primary");
            Optional<Boolean> primary = yesNo(primaryText);
            if (primary.isEmpty()) {
                problems.add("Primary is \"" + primaryText + "\"; write yes or no.");
            }
            if (!problems.isEmpty()) {
                return bad(line, tpid, name, String.join(" ", problems));
            }

            // From here on the fields are known values; what is left are the rules between them.
            String key = tpid + "|" + area.get() + "|" + role.get() + "|" + user;
            Integer earlier = seen.putIfAbsent(key, line);
            if (earlier != null) {
                return bad(line, tpid, name, "Duplicate of line " + earlier + ": " + user + " as " + role.get().label()
                        + " (" + area.get().label() + ") on " + name + " is already in the file.");
            }
            Optional<String> refusal = permission.refusal(customer.get(), byTpid.getOrDefault(tpid, List.of()), area.get(),
                    role.get());
            if (refusal.isPresent()) {
                return bad(line, tpid, name, "Not allowed: " + refusal.get());
            }
            Optional<Assignment> existing = byTpid.getOrDefault(tpid, List.of()).stream()
                    .filter(a -> a.area() == area.get() && a.role() == role.get() && a.userId().equals(user))
                    .findFirst();
            Assignment wanted = new Assignment(existing.map(Assignment::id).orElseGet(UUID::randomUUID), tpid,
                    area.get(), role.get(), user, customerBox, tenantIds, primary.get());
            List<Problem> broken = Validator.validate(wanted, context);
            if (!broken.isEmpty()) {
                return new ImportLine(line, tpid, name, Status.BAD,
                        broken.stream().map(Problem::message).collect(Collectors.joining(" ")), existing,
                        Optional.of(wanted), List.of());
            }
            String who = user + " as " + (wanted.primary() ? "primary " : "") + role.get().label() + " ("
                    + area.get().label() + ") on " + name;
            if (existing.isEmpty()) {
                return new ImportLine(line, tpid, name, Status.ADDED, "adds " + who + ".", Optional.empty(),
                        Optional.of(wanted), List.of());
            }
            if (existing.get().equals(wanted)) {
                return new ImportLine(line, tpid, name, Status.UNCHANGED, who + " is already as the file says.",
                        existing, existing, List.of());
            }
            return new ImportLine(line, tpid, name, Status.CHANGED, "changes the scope or primary flag of " + who + ".",
                    existing, Optional.of(wanted), List.of());
        }

        /**
         * The lines with the warnings each customer's assignments newly break once the good lines are
         * imported (a second primary, a primary off the winner tenant), on its last line that writes.
         */
        List<ImportLine> withWarnings(List<ImportLine> lines) {
            Map<Long, Integer> lastWrite = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).writes()) {
                    lastWrite.put(lines.get(i).tpid(), i);
                }
            }
            List<ImportLine> out = new ArrayList<>(lines);
            lastWrite.forEach((tpid, index) -> {
                List<Assignment> before = byTpid.getOrDefault(tpid, List.of());
                Map<UUID, Assignment> after = new LinkedHashMap<>();
                before.forEach(a -> after.put(a.id(), a));
                lines.stream().filter(l -> l.tpid() == tpid && l.writes())
                        .forEach(l -> after.put(l.after().orElseThrow().id(), l.after().orElseThrow()));
                Set<String> already = AssignmentRules.warnings(before, tenantsOf(tpid)).stream()
                        .map(Problem::message).collect(Collectors.toSet());
                List<Problem> fresh = AssignmentRules.warnings(List.copyOf(after.values()), tenantsOf(tpid)).stream()
                        .filter(w -> !already.contains(w.message())).toList();
                if (!fresh.isEmpty()) {
                    out.set(index, out.get(index).withWarnings(fresh));
                }
            });
            return out;
        }

        private List<Tenant> tenantsOf(long tpid) {
            return tenants.computeIfAbsent(tpid, context::tenantsOf);
        }
    }

    private static Optional<Boolean> yesNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "", "no", "n", "false", "0" -> Optional.of(false);
            case "yes", "y", "true", "1" -> Optional.of(true);
            default -> Optional.empty();
        };
    }

    private static String labels(Labelled[] values) {
        return Arrays.stream(values).map(Labelled::label).collect(Collectors.joining(", "));
    }
}

package ftop.core.assignment;

import ftop.core.assignment.BatchPreview.Line;
import ftop.core.assignment.BatchPreview.Outcome;
import ftop.core.assignment.BatchPreview.RefusalKind;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.customer.Customer;
import ftop.core.store.WorkspaceWrites;
import ftop.core.store.Repository;
import ftop.core.store.RowRef;
import ftop.core.tenant.Tenant;
import ftop.core.validation.AssignmentRules;
import ftop.core.validation.CachingValidationContext;
import ftop.core.validation.Problem;
import ftop.core.validation.ValidationContext;
import ftop.core.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Batch assignment edits: one person, one role, hundreds of customers at once. {@link #preview}
 * works out, without writing, what an {@link AssignmentEdit} does to each customer; the caller
 * shows it, and applying it is one all-or-nothing write that can be undone.
 *
 * <p>Rules are the single-edit rules: each new or changed assignment must pass
 * {@link Validator#validate}, and the {@link EditPermission} decides per customer. A refused
 * customer does not stop the others; the preview says why it is refused. Portfolio rules
 * ({@link AssignmentRules}) only add warnings.
 */
public final class BatchAssignment {

    private BatchAssignment() {
    }

    /**
     * What {@code edit} would do to each customer of {@code tpids}. Reads the current assignments of
     * all those customers once and indexes them by TPID, so hundreds of customers take milliseconds.
     *
     * @param tpids      the selected customers; repeats are ignored
     * @param edit       the change to make
     * @param current    the current assignments, customers, tenants and users
     * @param permission who may change what
     * @return one line per assignment touched, or per customer where nothing is touched
     */
    public static BatchPreview preview(List<Long> tpids, AssignmentEdit edit, AssignmentReader current,
            EditPermission permission) {
        if (edit instanceof AssignmentEdit.Assign assign && assign.scope().tenants() == AssignmentScope.Tenants.SELECTED) {
            throw new IllegalArgumentException("Assigning on the selected tenants needs a selection of tenants, "
                    + "not of customers.");
        }
        Map<Long, Set<UUID>> selection = new LinkedHashMap<>();
        tpids.forEach(tpid -> selection.put(tpid, null));
        return preview(selection, List.of(), edit, current, permission);
    }

    /**
     * What {@code edit} would do to the tenants {@code tenantIds}, a selection in the Portfolio's
     * tenant list. The tenants are grouped by customer and each customer is changed once:
     * <ul>
     *   <li>assign ticks the selected tenants of each customer when the scope is
     *       {@link AssignmentScope#SELECTED_TENANTS} (plus Customer if the scope ticks it); any other
     *       scope applies to the customers of the selected tenants as in {@link #preview};</li>
     *   <li>unassign unticks the selected tenants; an assignment left with nothing ticked is removed;</li>
     *   <li>replace moves the selected tenants from one person to the other; the primary flag moves
     *       only when the person leaving keeps nothing on that customer (then the row itself changes
     *       hands if the newcomer has none).</li>
     * </ul>
     * Unknown tenants are refused lines.
     */
    public static BatchPreview previewTenants(List<UUID> tenantIds, AssignmentEdit edit, AssignmentReader current,
            EditPermission permission) {
        Map<Long, Set<UUID>> selection = new LinkedHashMap<>();
        List<Line> unknown = new ArrayList<>();
        for (UUID tenantId : new LinkedHashSet<>(tenantIds)) {
            Optional<Tenant> tenant = current.context().tenant(tenantId);
            if (tenant.isEmpty()) {
                unknown.add(refused(0, "", Optional.empty(), Optional.empty(), RefusalKind.RULE,
                        "There is no tenant " + tenantId + "."));
            } else {
                selection.computeIfAbsent(tenant.get().tpid(), k -> new LinkedHashSet<>()).add(tenantId);
            }
        }
        return preview(selection, unknown, edit, current, permission);
    }

    /** @param selection per customer, the selected tenants, or null when the whole customer is selected */
    private static BatchPreview preview(Map<Long, Set<UUID>> selection, List<Line> unknown, AssignmentEdit edit,
            AssignmentReader current, EditPermission permission) {
        Map<Long, List<Assignment>> byTpid = new HashMap<>();
        for (Assignment assignment : current.assignmentsOf(selection.keySet())) {
            byTpid.computeIfAbsent(assignment.tpid(), k -> new ArrayList<>()).add(assignment);
        }
        ValidationContext context = new CachingValidationContext(current.context());
        List<Line> lines = new ArrayList<>();
        selection.forEach((tpid, tenants) -> {
            List<Assignment> assignments = byTpid.getOrDefault(tpid, List.of());
            lines.addAll(previewCustomer(tpid, tenants, edit, assignments, context, permission));
        });
        lines.addAll(unknown);
        return new BatchPreview(edit.describe(), lines);
    }

    /**
     * Writes the lines of {@code preview} that change something (added, changed, removed) in one
     * all-or-nothing {@link WorkspaceWrites#saveAll}: every assignment with its outbox entry, or nothing.
     * Refused and unchanged lines are not written.
     *
     * <p>Before writing, each assignment the batch changes or removes is compared with the store: if
     * it changed since the preview (an edit elsewhere, or a sync), nothing is written, so that change
     * is not silently overwritten. The check and the write follow each other immediately but are not
     * one transaction (the store offers none across reads and writes), so a write by another thread in
     * that instant is not detected; callers run batches on the thread that does the workspace's writes.
     *
     * @return the batch as written, which {@link AppliedBatch#undo} takes back
     * @throws StaleBatchException  when the store changed under the preview; nothing was written
     * @throws ftop.core.store.ValidationException when the store refuses a row; nothing was written
     */
    public static AppliedBatch apply(BatchPreview preview, WorkspaceWrites store) {
        List<Line> writes = preview.lines().stream().filter(Line::writes).toList();
        BatchPreview applied = new BatchPreview(preview.title(), writes);
        if (writes.isEmpty()) {
            return new AppliedBatch(applied, List.of());
        }
        Repository<Assignment> assignments = store.assignments();
        Set<String> stale = new LinkedHashSet<>();
        for (Line line : writes) {
            if (line.before().isEmpty()) {
                // A new assignment has a fresh random id: nothing in the store can be in its way.
                continue;
            }
            Optional<Assignment> now = assignments.get(line.before().get().id().toString());
            if (!now.equals(line.before())) {
                stale.add(line.customerName().isEmpty() ? Long.toString(line.tpid()) : line.customerName());
            }
        }
        if (!stale.isEmpty()) {
            throw new StaleBatchException(preview.title(), List.copyOf(stale));
        }
        List<RowRef> deletes = applied.deletes().stream()
                .map(a -> new RowRef(EntityKind.ASSIGNMENT, a.id().toString()))
                .toList();
        List<Mutation> mutations = store.saveAll(applied.saves(), deletes);
        return new AppliedBatch(applied, mutations);
    }

    private static List<Line> previewCustomer(long tpid, Set<UUID> selectedTenants, AssignmentEdit edit,
            List<Assignment> assignments, ValidationContext context, EditPermission permission) {
        Optional<Customer> customer = context.customer(tpid);
        if (customer.isEmpty()) {
            return List.of(refused(tpid, "", Optional.empty(), Optional.empty(), RefusalKind.RULE,
                    "There is no customer " + tpid + "."));
        }
        String name = customer.get().name();
        Optional<String> notAllowed = permission.refusal(customer.get(), assignments, edit.area(), edit.role());
        if (notAllowed.isPresent()) {
            return List.of(refused(tpid, name, Optional.empty(), Optional.empty(), RefusalKind.PERMISSION,
                    notAllowed.get()));
        }
        CustomerChange change = new CustomerChange(tpid, name, assignments, context);
        if (edit instanceof AssignmentEdit.Assign assign) {
            change.assign(assign, selectedTenants);
        } else if (edit instanceof AssignmentEdit.Unassign unassign) {
            if (selectedTenants == null) {
                change.unassign(unassign);
            } else {
                change.unassignTenants(unassign, selectedTenants);
            }
        } else if (edit instanceof AssignmentEdit.Replace replace) {
            if (selectedTenants == null) {
                change.replace(replace);
            } else {
                change.replaceTenants(replace, selectedTenants);
            }
        }
        return change.lines();
    }

    private static Line refused(long tpid, String name, Optional<Assignment> before, Optional<Assignment> after,
            RefusalKind kind, String reason) {
        return new Line(tpid, name, Outcome.REFUSED, before, after, reason, Optional.of(kind), List.of());
    }

    /** The lines for one customer, and the warnings its assignments newly break once changed. */
    private static final class CustomerChange {

        private final long tpid;
        private final String name;
        private final List<Assignment> assignments;
        private final ValidationContext context;
        private final List<Tenant> tenants;
        private final List<Line> lines = new ArrayList<>();
        private final List<Assignment> result;

        CustomerChange(long tpid, String name, List<Assignment> assignments, ValidationContext context) {
            this.tpid = tpid;
            this.name = name;
            this.assignments = assignments;
            this.context = context;
            this.tenants = context.tenantsOf(tpid);
            this.result = new ArrayList<>(assignments);
        }

        void assign(AssignmentEdit.Assign edit, Set<UUID> selectedTenants) {
            Optional<String> unmet = edit.scope().unmetBy(tenants);
            if (unmet.isPresent()) {
                lines.add(refused(tpid, name, Optional.empty(), Optional.empty(), RefusalKind.RULE,
                        "Cannot assign on " + edit.scope().describe() + ": " + unmet.get() + "."));
                return;
            }
            List<Assignment> held = held(edit.area(), edit.role(), edit.userId());
            Set<UUID> scopeTenants = edit.scope().tenants() == AssignmentScope.Tenants.SELECTED
                    ? selectedTenants : edit.scope().tenantsOf(tenants);
            if (held.isEmpty()) {
                Assignment added = new Assignment(UUID.randomUUID(), tpid, edit.area(), edit.role(), edit.userId(),
                        edit.scope().customer(), scopeTenants, edit.primary());
                add(added);
            } else {
                Assignment existing = held.get(0);
                Assignment widened = widen(existing, edit.scope().customer(), scopeTenants, edit.primary());
                change(existing, widened, edit.userId() + " already is " + edit.role().label() + " on " + scope(existing) + ".");
            }
        }

        void unassign(AssignmentEdit.Unassign edit) {
            List<Assignment> held = held(edit.area(), edit.role(), edit.userId());
            if (held.isEmpty()) {
                lines.add(unchanged(Optional.empty(), edit.userId() + " is not " + edit.role().label() + " ("
                        + edit.area().label() + ") here."));
                return;
            }
            held.forEach(this::remove);
        }

        void replace(AssignmentEdit.Replace edit) {
            List<Assignment> held = held(edit.area(), edit.role(), edit.fromUser());
            if (held.isEmpty()) {
                lines.add(unchanged(Optional.empty(), edit.fromUser() + " is not " + edit.role().label() + " ("
                        + edit.area().label() + ") here; nothing to replace."));
                return;
            }
            // The newcomer takes over everything the person leaving held, even when the data holds
            // that role twice for them.
            boolean customerScope = held.stream().anyMatch(Assignment::customerScope);
            Set<UUID> tenantIds = new LinkedHashSet<>();
            held.forEach(a -> tenantIds.addAll(a.tenantIds()));
            boolean primary = held.stream().anyMatch(Assignment::primary);

            List<Assignment> taking = held(edit.area(), edit.role(), edit.toUser());
            // Without an assignment of their own, the newcomer takes over the leaver's row itself.
            Assignment after = taking.isEmpty()
                    ? new Assignment(held.get(0).id(), tpid, edit.area(), edit.role(), edit.toUser(), customerScope,
                            tenantIds, primary)
                    : widen(taking.get(0), customerScope, tenantIds, primary);
            List<Problem> problems = Validator.validate(after, context);
            if (!problems.isEmpty()) {
                lines.add(refused(tpid, name, Optional.of(held.get(0)), Optional.of(after), RefusalKind.RULE,
                        words(problems)));
                return;
            }
            if (taking.isEmpty()) {
                handOver(held.get(0), after);
                held.subList(1, held.size()).forEach(this::remove);
            } else {
                held.forEach(this::remove);
                change(taking.get(0), after, edit.toUser() + " already is " + edit.role().label() + " on "
                        + scope(after) + ".");
            }
        }

        void unassignTenants(AssignmentEdit.Unassign edit, Set<UUID> selected) {
            List<Assignment> covering = held(edit.area(), edit.role(), edit.userId()).stream()
                    .filter(a -> a.tenantIds().stream().anyMatch(selected::contains))
                    .toList();
            if (covering.isEmpty()) {
                lines.add(unchanged(Optional.empty(), edit.userId() + " is not " + edit.role().label() + " ("
                        + edit.area().label() + ") on " + tenantNames(selected) + "."));
                return;
            }
            for (Assignment existing : covering) {
                Set<UUID> remaining = new LinkedHashSet<>(existing.tenantIds());
                remaining.removeAll(selected);
                if (remaining.isEmpty() && !existing.customerScope()) {
                    remove(existing);
                } else {
                    change(existing, withTenants(existing, remaining, existing.primary()), "");
                }
            }
        }

        void replaceTenants(AssignmentEdit.Replace edit, Set<UUID> selected) {
            List<Assignment> covering = held(edit.area(), edit.role(), edit.fromUser()).stream()
                    .filter(a -> a.tenantIds().stream().anyMatch(selected::contains))
                    .toList();
            if (covering.isEmpty()) {
                lines.add(unchanged(Optional.empty(), edit.fromUser() + " is not " + edit.role().label() + " ("
                        + edit.area().label() + ") on " + tenantNames(selected) + "; nothing to replace."));
                return;
            }
            Set<UUID> moved = new LinkedHashSet<>();
            List<Assignment> leaving = new ArrayList<>();
            List<Assignment> staying = new ArrayList<>();
            boolean primaryMoves = false;
            for (Assignment existing : covering) {
                Set<UUID> remaining = new LinkedHashSet<>(existing.tenantIds());
                existing.tenantIds().stream().filter(selected::contains).forEach(moved::add);
                remaining.removeAll(selected);
                if (remaining.isEmpty() && !existing.customerScope()) {
                    leaving.add(existing);
                    // The person leaving keeps nothing here, so the accountability goes with the tenants.
                    primaryMoves |= existing.primary();
                } else {
                    staying.add(withTenants(existing, remaining, existing.primary()));
                }
            }
            List<Assignment> taking = held(edit.area(), edit.role(), edit.toUser());
            // When the leaver's only row moves whole and the newcomer has none, the row itself changes hands.
            boolean wholeRow = taking.isEmpty() && leaving.size() == 1 && staying.isEmpty();
            Assignment after = taking.isEmpty()
                    ? new Assignment(wholeRow ? leaving.get(0).id() : UUID.randomUUID(), tpid, edit.area(), edit.role(),
                            edit.toUser(), false, moved, primaryMoves)
                    : widen(taking.get(0), false, moved, primaryMoves);
            List<Problem> problems = Validator.validate(after, context);
            if (!problems.isEmpty()) {
                lines.add(refused(tpid, name, Optional.of(covering.get(0)), Optional.of(after), RefusalKind.RULE,
                        words(problems)));
                return;
            }
            if (wholeRow) {
                handOver(leaving.get(0), after);
                return;
            }
            leaving.forEach(this::remove);
            for (Assignment narrowed : staying) {
                Assignment existing = covering.stream().filter(a -> a.id().equals(narrowed.id())).findFirst().orElseThrow();
                change(existing, narrowed, "");
            }
            if (taking.isEmpty()) {
                add(after);
            } else {
                change(taking.get(0), after, edit.toUser() + " already is " + edit.role().label() + " on "
                        + scope(after) + ".");
            }
        }

        private String tenantNames(Set<UUID> selected) {
            List<String> names = new ArrayList<>();
            for (Tenant tenant : tenants) {
                if (selected.contains(tenant.tenantId())) {
                    names.add(tenant.name());
                }
            }
            return String.join(", ", names);
        }

        List<Line> lines() {
            List<Problem> newWarnings = newWarnings();
            if (newWarnings.isEmpty()) {
                return lines;
            }
            // Warnings belong to the customer, not to one assignment: show them on its first written line.
            List<Line> out = new ArrayList<>(lines);
            for (int i = 0; i < out.size(); i++) {
                Line line = out.get(i);
                if (line.writes()) {
                    out.set(i, new Line(line.tpid(), line.customerName(), line.outcome(), line.before(), line.after(),
                            line.message(), line.refusal(), newWarnings));
                    break;
                }
            }
            return out;
        }

        private List<Problem> newWarnings() {
            if (lines.stream().noneMatch(Line::writes)) {
                return List.of();
            }
            Set<String> already = AssignmentRules.warnings(assignments, tenants).stream()
                    .map(Problem::message).collect(Collectors.toSet());
            return AssignmentRules.warnings(result, tenants).stream()
                    .filter(w -> !already.contains(w.message())).toList();
        }

        private List<Assignment> held(AssignmentArea area, Role role, String userId) {
            return result.stream()
                    .filter(a -> a.area() == area && a.role() == role && a.userId().equals(userId))
                    .toList();
        }

        private void add(Assignment added) {
            List<Problem> problems = Validator.validate(added, context);
            if (!problems.isEmpty()) {
                lines.add(refused(tpid, name, Optional.empty(), Optional.of(added), RefusalKind.RULE, words(problems)));
                return;
            }
            result.add(added);
            lines.add(new Line(tpid, name, Outcome.ADDED, Optional.empty(), Optional.of(added),
                    added.userId() + " becomes " + (added.primary() ? "primary " : "") + added.role().label()
                            + " on " + scope(added) + ".", Optional.empty(), List.of()));
        }

        private void change(Assignment existing, Assignment changed, String unchangedMessage) {
            if (changed.equals(existing)) {
                lines.add(unchanged(Optional.of(existing), unchangedMessage));
                return;
            }
            List<Problem> problems = Validator.validate(changed, context);
            if (!problems.isEmpty()) {
                lines.add(refused(tpid, name, Optional.of(existing), Optional.of(changed), RefusalKind.RULE,
                        words(problems)));
                return;
            }
            result.set(result.indexOf(existing), changed);
            String primaryWords = changed.primary() && !existing.primary() ? ", as primary" : "";
            lines.add(new Line(tpid, name, Outcome.CHANGED, Optional.of(existing), Optional.of(changed),
                    changed.userId() + " stays " + changed.role().label() + ", now on " + scope(changed) + primaryWords
                            + ".", Optional.empty(), List.of()));
        }

        private void handOver(Assignment leaver, Assignment taken) {
            result.set(result.indexOf(leaver), taken);
            lines.add(new Line(tpid, name, Outcome.REPLACED, Optional.of(leaver), Optional.of(taken),
                    taken.userId() + " replaces " + leaver.userId() + " as " + (taken.primary() ? "primary " : "")
                            + taken.role().label() + " on " + scope(taken) + ".", Optional.empty(), List.of()));
        }

        private void remove(Assignment removed) {
            result.remove(removed);
            lines.add(new Line(tpid, name, Outcome.REMOVED, Optional.of(removed), Optional.empty(),
                    removed.userId() + " is no longer " + (removed.primary() ? "primary " : "") + removed.role().label()
                            + " (was on " + scope(removed) + ").", Optional.empty(), List.of()));
        }

        private Line unchanged(Optional<Assignment> existing, String message) {
            return new Line(tpid, name, Outcome.UNCHANGED, existing, existing, message, Optional.empty(), List.of());
        }

        private String scope(Assignment assignment) {
            List<String> parts = new ArrayList<>();
            if (assignment.customerScope()) {
                parts.add("the customer");
            }
            for (Tenant tenant : tenants) {
                if (assignment.coversTenant(tenant.tenantId())) {
                    parts.add(tenant.name());
                }
            }
            long foreign = assignment.tenantIds().stream()
                    .filter(id -> tenants.stream().noneMatch(t -> t.tenantId().equals(id))).count();
            if (foreign > 0) {
                parts.add(foreign + " unknown tenant" + (foreign == 1 ? "" : "s"));
            }
            return parts.isEmpty() ? "nothing" : String.join(", ", parts);
        }
    }

    private static Assignment withTenants(Assignment existing, Set<UUID> tenantIds, boolean primary) {
        return new Assignment(existing.id(), existing.tpid(), existing.area(), existing.role(), existing.userId(),
                existing.customerScope(), tenantIds, primary);
    }

    private static Assignment widen(Assignment existing, boolean customerScope, Set<UUID> tenantIds, boolean primary) {
        Set<UUID> union = new LinkedHashSet<>(existing.tenantIds());
        union.addAll(tenantIds);
        return new Assignment(existing.id(), existing.tpid(), existing.area(), existing.role(), existing.userId(),
                existing.customerScope() || customerScope, union, existing.primary() || primary);
    }

    private static String words(List<Problem> problems) {
        return problems.stream().map(Problem::message).collect(Collectors.joining(" "));
    }
}

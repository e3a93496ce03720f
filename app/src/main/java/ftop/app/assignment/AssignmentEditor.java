package ftop.app.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.Role;
import ftop.core.change.EntityCodec;
import ftop.core.customer.Customer;
import ftop.core.store.RowRef;
import ftop.core.tenant.Tenant;
import ftop.core.user.User;
import ftop.core.validation.AssignmentRules;
import ftop.core.validation.Problem;
import ftop.core.validation.ValidationContext;
import ftop.core.validation.Validator;
import ftop.core.change.EntityKind;

/**
 * The assignments of one customer while the assignment dialog edits them: a working copy that
 * Add, the scope tick boxes and Delete change, and that Save writes in one
 * {@link ftop.core.store.LocalStore#saveAll}. Nothing here touches the store, so Cancel simply
 * drops the editor.
 *
 * <p>Invalid rows (per {@link Validator}) block Save; the portfolio rules of
 * {@link AssignmentRules} (one primary FM/FTA, on the winner tenant) are only warnings.
 */
public final class AssignmentEditor {

    private final Customer customer;
    private final List<Tenant> tenants;
    private final List<User> users;
    private final ValidationContext context;
    private final Optional<String> refusal;
    private final Map<UUID, Assignment> original = new LinkedHashMap<>();
    private final Map<UUID, Assignment> working = new LinkedHashMap<>();

    /**
     * @param customer the customer whose assignments are edited
     * @param tenants  its tenants, the tenant tick boxes
     * @param current  its assignments as stored
     * @param users    the people that can be assigned (auto-complete)
     * @param context  what validation checks against
     * @param refusal  why the signed-in user may not change these assignments; empty when they may
     */
    public AssignmentEditor(Customer customer, List<Tenant> tenants, List<Assignment> current, List<User> users,
            ValidationContext context, Optional<String> refusal) {
        this.customer = Objects.requireNonNull(customer, "customer");
        this.tenants = tenants.stream().sorted(Comparator.comparing((Tenant t) -> !t.winner())
                .thenComparing(Tenant::name)).toList();
        this.users = users.stream().sorted(Comparator.comparing(User::displayName)).toList();
        this.context = context;
        this.refusal = refusal;
        for (Assignment a : current) {
            original.put(a.id(), a);
            working.put(a.id(), a);
        }
    }

    public Customer customer() {
        return customer;
    }

    /** The customer's tenants, the winner first. */
    public List<Tenant> tenants() {
        return tenants;
    }

    public List<User> users() {
        return users;
    }

    /** Why the signed-in user may not change these assignments; empty when they may. */
    public Optional<String> refusal() {
        return refusal;
    }

    /** The assignments as they would be saved, grouped by area then role, then by person. */
    public List<Assignment> assignments() {
        return working.values().stream()
                .sorted(Comparator.comparing(Assignment::area).thenComparing(Assignment::role)
                        .thenComparing(a -> displayName(a.userId())))
                .toList();
    }

    /** How a person is shown: their display name and sign-in name, e.g. "Megan Bowen (megan.bowen)". */
    public static String label(User user) {
        return user.displayName() + " (" + user.userId() + ")";
    }

    /** The display name of {@code userId}, or the id itself for a person the workspace does not know. */
    public String displayName(String userId) {
        return users.stream().filter(u -> u.userId().equals(userId)).map(User::displayName).findFirst().orElse(userId);
    }

    /**
     * The person {@code text} names: a sign-in name, a display name, or an auto-complete suggestion
     * "Display Name (sign-in)"; case does not matter.
     */
    public Optional<User> findUser(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = text.strip();
        int open = wanted.lastIndexOf('(');
        if (open >= 0 && wanted.endsWith(")")) {
            wanted = wanted.substring(open + 1, wanted.length() - 1).strip();
        }
        String key = wanted.toLowerCase(Locale.ROOT);
        Optional<User> byId = users.stream().filter(u -> u.userId().toLowerCase(Locale.ROOT).equals(key)).findFirst();
        if (byId.isPresent()) {
            return byId;
        }
        List<User> byName = users.stream().filter(u -> u.displayName().toLowerCase(Locale.ROOT).equals(key)).toList();
        return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
    }

    /** The auto-complete suggestions for {@code typed}: people whose name or sign-in name contains it. */
    public List<String> suggestions(String typed) {
        String key = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            return List.of();
        }
        return users.stream()
                .filter(u -> u.displayName().toLowerCase(Locale.ROOT).contains(key)
                        || u.userId().toLowerCase(Locale.ROOT).contains(key))
                .map(AssignmentEditor::label)
                .toList();
    }

    /**
     * Adds {@code userText} in {@code role} of {@code area}, on the customer (the Customer tick box);
     * the tenant boxes refine it afterwards.
     *
     * @return why the person cannot be added; empty when added
     */
    public Optional<String> add(AssignmentArea area, Role role, String userText) {
        if (refusal.isPresent()) {
            return refusal;
        }
        if (area == null) {
            return Optional.of("Choose the area first.");
        }
        if (role == null || !area.offers(role)) {
            return Optional.of("Choose a role the " + area.label() + " area offers.");
        }
        Optional<User> user = findUser(userText);
        if (user.isEmpty()) {
            return Optional.of(userText == null || userText.isBlank() ? "Type the name of the person to assign."
                    : "There is no user \"" + userText.strip() + "\"; pick one from the suggestions.");
        }
        String userId = user.get().userId();
        boolean held = working.values().stream()
                .anyMatch(a -> a.area() == area && a.role() == role && a.userId().equals(userId));
        if (held) {
            return Optional.of(user.get().displayName() + " is already " + role.label() + " in " + area.label() + ".");
        }
        Assignment added = new Assignment(UUID.randomUUID(), customer.tpid(), area, role, userId, true, Set.of(), false);
        working.put(added.id(), added);
        return Optional.empty();
    }

    /** Ticks or unticks the Customer box of an assignment. */
    public void setCustomerScope(UUID id, boolean ticked) {
        update(id, a -> new Assignment(a.id(), a.tpid(), a.area(), a.role(), a.userId(), ticked, a.tenantIds(),
                a.primary()));
    }

    /** Ticks or unticks one tenant of an assignment. */
    public void setTenant(UUID id, UUID tenantId, boolean ticked) {
        update(id, a -> {
            Set<UUID> ids = new LinkedHashSet<>(a.tenantIds());
            if (ticked) {
                ids.add(tenantId);
            } else {
                ids.remove(tenantId);
            }
            return new Assignment(a.id(), a.tpid(), a.area(), a.role(), a.userId(), a.customerScope(), ids,
                    a.primary());
        });
    }

    /** Marks or unmarks an assignment as the customer's primary FM/FTA. */
    public void setPrimary(UUID id, boolean primary) {
        update(id, a -> new Assignment(a.id(), a.tpid(), a.area(), a.role(), a.userId(), a.customerScope(),
                a.tenantIds(), primary));
    }

    /** Removes an assignment; a stored one is deleted on Save. */
    public void delete(UUID id) {
        working.remove(id);
    }

    private void update(UUID id, UnaryOperator<Assignment> change) {
        Assignment current = working.get(id);
        if (current == null) {
            throw new IllegalArgumentException("No assignment " + id + " in this dialog");
        }
        working.put(id, change.apply(current));
    }

    /** Whether anything differs from what is stored. */
    public boolean dirty() {
        return !working.equals(original);
    }

    /**
     * What blocks Save, in words: each new or changed assignment that breaks a rule, named by person
     * and role. Empty when Save may go ahead.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        refusal.ifPresent(problems::add);
        for (Assignment a : assignments()) {
            if (a.equals(original.get(a.id()))) {
                continue;
            }
            for (Problem p : Validator.validate(a, context)) {
                problems.add(displayName(a.userId()) + " as " + a.role().label() + ": " + p.message());
            }
        }
        return problems;
    }

    /**
     * The portfolio rules the assignments break (shown, not enforced): no primary FM/FTA in
     * Customer Health, more than one primary, a primary not on the winner tenant.
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        List<Assignment> all = assignments();
        boolean anyHealthOwner = all.stream().anyMatch(a -> a.role().ownsHealth());
        boolean primary = all.stream().anyMatch(a -> a.primary() && a.role().ownsHealth());
        if (anyHealthOwner && !primary) {
            warnings.add("No primary FM/FTA: tick Primary for the FastTrack Manager or Architect accountable for "
                    + customer.name() + ".");
        }
        AssignmentRules.warnings(all, tenants).forEach(p -> warnings.add(p.message()));
        return warnings;
    }

    /**
     * The working copy as a draft keeps it: each assignment as JSON by its id, and "" for a stored
     * one deleted here.
     */
    public Map<String, String> draftValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (UUID id : original.keySet()) {
            values.put(id.toString(), working.containsKey(id) ? EntityCodec.toJson(working.get(id)) : "");
        }
        working.forEach((id, a) -> values.putIfAbsent(id.toString(), EntityCodec.toJson(a)));
        return values;
    }

    /** The assignments as stored, as {@link #draftValues()} holds them: what a draft started from. */
    public Map<String, String> draftBase() {
        Map<String, String> base = new LinkedHashMap<>();
        original.forEach((id, a) -> base.put(id.toString(), EntityCodec.toJson(a)));
        return base;
    }

    /**
     * Puts back what a draft changed, on top of the assignments as stored now: each assignment by
     * id as JSON (added or changed), or "" (deleted). Entries that are not assignments of this
     * customer are left out.
     *
     * @return how many were put back
     */
    public int restore(Map<String, String> changes) {
        if (refusal.isPresent()) {
            return 0;
        }
        int restored = 0;
        for (Map.Entry<String, String> change : changes.entrySet()) {
            UUID id;
            try {
                id = UUID.fromString(change.getKey());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (change.getValue().isEmpty()) {
                restored += working.remove(id) != null ? 1 : 0;
                continue;
            }
            try {
                Assignment a = EntityCodec.fromJson(EntityKind.ASSIGNMENT, change.getValue());
                if (a.id().equals(id) && a.tpid() == customer.tpid()) {
                    working.put(id, a);
                    restored++;
                }
            } catch (RuntimeException e) {
                // a draft this version cannot read: that assignment stays as stored
            }
        }
        return restored;
    }

    /** The assignments Save writes: new and changed ones. */
    public List<Assignment> saves() {
        return assignments().stream().filter(a -> !a.equals(original.get(a.id()))).toList();
    }

    /** The stored assignments Save deletes. */
    public List<RowRef> deletes() {
        return original.keySet().stream().filter(id -> !working.containsKey(id))
                .map(id -> new RowRef(EntityKind.ASSIGNMENT, id.toString())).toList();
    }
}

package ftop.core.assignment;

import java.util.Objects;

/**
 * One change the assignment team makes to many customers at once: assign a person to a role,
 * take a person off a role, or hand a role from one person to another. {@link BatchAssignment}
 * previews and applies it.
 */
public sealed interface AssignmentEdit {

    /** The area the edit is made in. */
    AssignmentArea area();

    /** The role within the area. */
    Role role();

    /** The edit in words, for the preview's title and the undo entry. */
    String describe();

    /**
     * Gives {@code userId} the role on each customer. A person who already holds the role keeps
     * their assignment, widened to the scope if it is narrower.
     *
     * @param primary mark the assignment as the customer's primary FM/FTA
     */
    record Assign(AssignmentArea area, Role role, String userId, AssignmentScope scope, boolean primary)
            implements AssignmentEdit {

        public Assign {
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(scope, "scope");
            userId = requireUser(userId, "Choose the person to assign.");
        }

        /** An assignment that is not primary. */
        public Assign(AssignmentArea area, Role role, String userId, AssignmentScope scope) {
            this(area, role, userId, scope, false);
        }

        @Override
        public String describe() {
            return "Assign " + userId + " as " + (primary ? "primary " : "") + role.label() + " (" + area.label()
                    + ") on " + scope.describe();
        }
    }

    /** Takes {@code userId} off the role on each customer, whatever the scope was. */
    record Unassign(AssignmentArea area, Role role, String userId) implements AssignmentEdit {

        public Unassign {
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(role, "role");
            userId = requireUser(userId, "Choose the person to unassign.");
        }

        @Override
        public String describe() {
            return "Unassign " + userId + " as " + role.label() + " (" + area.label() + ")";
        }
    }

    /**
     * Hands the role from {@code fromUser} to {@code toUser} on each customer where
     * {@code fromUser} holds it; {@code toUser} takes over the same scope and primary flag. Where
     * {@code toUser} has no such assignment yet, the row itself changes hands (one edit of its user),
     * otherwise {@code toUser}'s assignment is widened and {@code fromUser}'s removed.
     */
    record Replace(AssignmentArea area, Role role, String fromUser, String toUser) implements AssignmentEdit {

        public Replace {
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(role, "role");
            fromUser = requireUser(fromUser, "Choose the person to replace.");
            toUser = requireUser(toUser, "Choose the person who takes over.");
            if (fromUser.equals(toUser)) {
                throw new IllegalArgumentException("Replacing " + fromUser + " with themselves changes nothing; "
                        + "choose another person to take over.");
            }
        }

        @Override
        public String describe() {
            return "Replace " + fromUser + " with " + toUser + " as " + role.label() + " (" + area.label() + ")";
        }
    }

    private static String requireUser(String userId, String message) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException(message);
        }
        return userId.strip();
    }
}

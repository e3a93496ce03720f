package ftop.core.permission;

import java.util.Objects;

/**
 * The answer to "may this user do that?": allowed, or denied with a reason a person understands
 * (who, what, and who could do it instead).
 *
 * @param allowed true when the action is permitted
 * @param reason  why it is denied; empty when allowed
 */
public record Decision(boolean allowed, String reason) {

    private static final Decision ALLOWED = new Decision(true, "");

    public Decision {
        Objects.requireNonNull(reason, "reason");
    }

    public static Decision allow() {
        return ALLOWED;
    }

    public static Decision deny(String reason) {
        return new Decision(false, reason);
    }

    public boolean denied() {
        return !allowed;
    }

    /** This decision if it denies, else {@code other}: both must allow for the result to allow. */
    public Decision and(Decision other) {
        return denied() ? this : other;
    }
}

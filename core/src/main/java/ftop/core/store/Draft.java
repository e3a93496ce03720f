package ftop.core.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a person typed into an open form and has not saved yet, kept in the workspace so that a
 * crash loses none of it (see {@link Drafts}). A draft is not a row of the workspace: it never
 * reaches the outbox; saving the form does that, the usual way.
 *
 * @param form    which form, as the app names it, e.g. {@code health.perspective}
 * @param subject what the form edits: a customer's TPID or a tenant id, as text
 * @param tpid    the customer the draft belongs to
 * @param values  the field values as typed, by field name; text exactly as the form holds it (a
 *                date typed wrongly stays as typed)
 * @param base    the values the form started from, the saved row when the edit began, so that a
 *                restore can tell whether that row changed since (a sync brought a newer version)
 * @param savedAt when the values were typed
 */
public record Draft(String form, String subject, long tpid, Map<String, String> values, Map<String, String> base,
        Instant savedAt) {

    /** Longest form name the store keeps. */
    public static final int FORM_MAX = 64;
    /** Longest subject the store keeps. */
    public static final int SUBJECT_MAX = 200;

    public Draft {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(savedAt, "savedAt");
        if (form.isBlank() || form.length() > FORM_MAX) {
            throw new IllegalArgumentException("A draft's form is 1 to " + FORM_MAX + " characters: \"" + form + "\"");
        }
        if (subject.isBlank() || subject.length() > SUBJECT_MAX) {
            throw new IllegalArgumentException("A draft's subject is 1 to " + SUBJECT_MAX + " characters: \""
                    + subject + "\"");
        }
        values = copy(values, "values");
        base = copy(base, "base");
    }

    /**
     * The fields the person changed: those whose value differs from the base (every field the base
     * does not hold). Restored on top of the row as it is now, they leave the fields nobody touched
     * with whatever a sync brought meanwhile.
     */
    public Map<String, String> changes() {
        Map<String, String> changed = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (!value.equals(base.get(name))) {
                changed.put(name, value);
            }
        });
        return Collections.unmodifiableMap(changed);
    }

    /** True when the values the form started from are not {@code now}: the row changed since the draft began. */
    public boolean baseDiffersFrom(Map<String, String> now) {
        return !base.equals(now);
    }

    private static Map<String, String> copy(Map<String, String> fields, String what) {
        Objects.requireNonNull(fields, what);
        Map<String, String> copy = new LinkedHashMap<>();
        fields.forEach((name, value) -> copy.put(Objects.requireNonNull(name, what + " name"),
                Objects.requireNonNull(value, what + " value of " + name)));
        return Collections.unmodifiableMap(copy);
    }
}

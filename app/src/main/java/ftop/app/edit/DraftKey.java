package ftop.app.edit;

import java.util.Objects;

import ftop.core.store.Draft;

/**
 * Which draft a form keeps: the form ({@link DraftForm}) and what it edits.
 *
 * @param form    the form
 * @param subject a customer's TPID or a tenant id, as text
 * @param tpid    the customer it belongs to
 */
public record DraftKey(DraftForm form, String subject, long tpid) {

    public DraftKey {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(subject, "subject");
    }

    /** The key of a form editing customer {@code tpid} itself. */
    public static DraftKey ofCustomer(DraftForm form, long tpid) {
        return new DraftKey(form, Long.toString(tpid), tpid);
    }

    /** True when {@code draft} is this form's draft. */
    public boolean matches(Draft draft) {
        return form.id().equals(draft.form()) && subject.equals(draft.subject());
    }
}

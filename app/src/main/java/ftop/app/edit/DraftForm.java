package ftop.app.edit;

import java.util.Arrays;
import java.util.Optional;

import ftop.core.store.Draft;

/** The forms that keep drafts, with the names the store keeps them under and people read. */
public enum DraftForm {

    HEALTH_PROGRESS("health.progress", "Customer Progress"),
    HEALTH_PERSPECTIVE("health.perspective", "Customer Perspective"),
    CONTACT("contact", "contact"),
    FORECAST("forecast", "Forecast"),
    STATUS_NOTE("status-note", "Enterprise Status note"),
    ASSIGNMENTS("assignments", "Assignments");

    private final String id;
    private final String label;

    DraftForm(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name the store keeps drafts under; never changes, drafts outlive versions of the app. */
    public String id() {
        return id;
    }

    /** What people call the form. */
    public String label() {
        return label;
    }

    /** The form a kept draft belongs to; empty for a form this version does not know. */
    public static Optional<DraftForm> of(Draft draft) {
        return Arrays.stream(values()).filter(f -> f.id.equals(draft.form())).findFirst();
    }

    /**
     * The draft as people read it after the customer's name: "Customer Perspective", "new contact",
     * "contact Jordan Reyes".
     */
    public String describe(Draft draft) {
        if (this != CONTACT) {
            return label;
        }
        String name = draft.values().getOrDefault("name", "").strip();
        boolean added = draft.values().getOrDefault("id", "").isEmpty();
        return (added ? "new contact" : "contact") + (name.isEmpty() ? "" : " " + name);
    }
}

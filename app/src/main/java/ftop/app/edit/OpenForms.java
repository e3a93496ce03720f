package ftop.app.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Every editor the window has open, in one place: the shell asks it what is unsaved before it
 * quits, and the {@link DraftKeeper} watches each one's changes. Views register their forms when
 * they are made (dialogs when they open) and unregister them when they go.
 *
 * <p>FX thread only.
 */
public final class OpenForms {

    private final List<OpenForm> forms = new ArrayList<>();
    private final List<Consumer<OpenForm>> onRegistered = new ArrayList<>();
    private final List<Consumer<OpenForm>> onUnregistered = new ArrayList<>();

    /**
     * Adds {@code form}.
     *
     * @return call it to take the form out again, e.g. when its dialog closes
     */
    public Runnable register(OpenForm form) {
        Objects.requireNonNull(form, "form");
        forms.add(form);
        onRegistered.forEach(listener -> listener.accept(form));
        return () -> {
            if (forms.remove(form)) {
                onUnregistered.forEach(listener -> listener.accept(form));
            }
        };
    }

    /** Calls {@code listener} with every form taken out from now on. */
    public void whenUnregistered(Consumer<OpenForm> listener) {
        onUnregistered.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Calls {@code listener} with every form registered from now on, and with those registered already. */
    public void whenRegistered(Consumer<OpenForm> listener) {
        onRegistered.add(Objects.requireNonNull(listener, "listener"));
        List.copyOf(forms).forEach(listener);
    }

    /** The forms holding unsaved work, in the order they were registered. */
    public List<OpenForm> unsaved() {
        return forms.stream().filter(OpenForm::hasUnsavedChanges).toList();
    }

    /** Every form registered now. */
    public List<OpenForm> all() {
        return List.copyOf(forms);
    }

    /**
     * What is unsaved, as people read it: one line per owner, its forms after a colon, e.g.
     * "Contoso: Customer Perspective, Enterprise Status note".
     */
    public static List<String> describe(List<OpenForm> unsaved) {
        Map<String, List<String>> byOwner = new LinkedHashMap<>();
        for (OpenForm form : unsaved) {
            List<String> titles = byOwner.computeIfAbsent(form.owner(), owner -> new ArrayList<>());
            if (!titles.contains(form.title())) {
                titles.add(form.title());
            }
        }
        List<String> lines = new ArrayList<>();
        byOwner.forEach((owner, titles) -> lines.add(owner + ": " + String.join(", ", titles)));
        return lines;
    }
}

package ftop.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import ftop.app.edit.OpenForm;
import ftop.app.edit.OpenForms;

/**
 * Stands between a request to quit (the window's close button, Ctrl+Q, the system) and the app
 * going away: with unsaved work in any {@linkplain OpenForms open form} it asks Save / Discard /
 * Cancel, naming what is unsaved. Save saves every form and quits only when all of them saved; a
 * form that refused (a field's problem) is brought into view and the app stays. Discard drops the
 * work and quits; Cancel stays with the work as it is.
 *
 * <p>FX thread only.
 */
public final class QuitGuard {

    /** What the person chose. */
    public enum Choice {
        SAVE, DISCARD, CANCEL
    }

    /** Asks what to do with the unsaved work; tests may answer without a dialog. */
    @FunctionalInterface
    public interface Question {
        /**
         * @param unsaved one line per owner, e.g. "Contoso: Customer Perspective, Enterprise Status note"
         */
        Choice ask(List<String> unsaved);
    }

    private final OpenForms forms;
    private final Question question;
    private final Runnable quit;
    /** True while a question is open or forms are saving: a second request does not ask again. */
    private boolean busy;

    /**
     * @param forms    the window's open forms
     * @param question asks the person (the real dialog: {@link UnsavedWorkDialog})
     * @param quit     closes the app once nothing is left unsaved
     */
    public QuitGuard(OpenForms forms, Question question, Runnable quit) {
        this.forms = Objects.requireNonNull(forms, "forms");
        this.question = Objects.requireNonNull(question, "question");
        this.quit = Objects.requireNonNull(quit, "quit");
    }

    /** Quits, asking first when any form holds unsaved work. */
    public void requestQuit() {
        if (busy) {
            return;
        }
        List<OpenForm> unsaved = forms.unsaved();
        if (unsaved.isEmpty()) {
            quit.run();
            return;
        }
        busy = true;
        Choice choice;
        try {
            choice = question.ask(OpenForms.describe(unsaved));
        } finally {
            busy = false;
        }
        switch (choice) {
            case CANCEL -> { }
            case DISCARD -> {
                unsaved.forEach(OpenForm::discard);
                quit.run();
            }
            case SAVE -> {
                busy = true;
                saveEach(new ArrayList<>(unsaved), () -> {
                    busy = false;
                    List<OpenForm> left = forms.unsaved();
                    if (left.isEmpty()) {
                        quit.run();
                    } else {
                        left.get(0).reveal();
                    }
                });
            }
        }
    }

    /**
     * Saves the forms one after the other, each once the one before has finished (two sections of
     * one customer's health must not both write from the same old row), then runs {@code after}.
     */
    private static void saveEach(List<OpenForm> left, Runnable after) {
        if (left.isEmpty()) {
            after.run();
            return;
        }
        OpenForm next = left.remove(0);
        Consumer<Boolean> done = saved -> saveEach(left, after);
        if (!next.hasUnsavedChanges()) {
            done.accept(true);
        } else {
            next.save(done);
        }
    }
}

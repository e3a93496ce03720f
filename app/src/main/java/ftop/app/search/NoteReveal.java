package ftop.app.search;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;

import ftop.app.tenant.TenantDetails;
import ftop.app.tenant.TenantViewModel;

/**
 * Brings a status note into sight once its tenant shows: scrolls the tenant view to it and marks
 * it, so a note found by a search opens where its words are. The tenant view tags each note with
 * the time it was written.
 */
final class NoteReveal {

    static final String TARGET = "search-target";

    /** How many pulses {@link #revealOnNextPulses} tries, about two seconds at 60 a second. */
    private static final int MAX_PULSES = 120;

    private NoteReveal() {
    }

    /**
     * Reveals the note written at {@code writtenAt} on tenant {@code tenantId} in {@code root}, now
     * or once it loads. The tenant may be drawn more than once as it loads (and again after a save
     * or a sync while it shows): each time, the note is marked again, until another tenant shows.
     */
    static void reveal(Parent root, TenantViewModel tenant, UUID tenantId, Instant writtenAt) {
        Objects.requireNonNull(writtenAt, "writtenAt");
        ChangeListener<TenantDetails> drawn = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends TenantDetails> obs, TenantDetails old,
                                TenantDetails now) {
                if (now == null || !now.tenant().tenantId().equals(tenantId)) {
                    if (now != null) {
                        obs.removeListener(this);
                    }
                    return;
                }
                revealOnNextPulses(root, writtenAt);
            }
        };
        tenant.detailsProperty().addListener(drawn);
        TenantDetails shown = tenant.detailsProperty().get();
        if (shown != null && shown.tenant().tenantId().equals(tenantId)) {
            // already showing (a reload with the same rows sends no change): reveal in the next pulse
            revealOnNextPulses(root, writtenAt);
        }
    }

    /**
     * Tries {@link #scrollTo} on each of the next pulses until it finds the note: the Tenant tab
     * that was just opened lays out its content on a later pulse than the one its tenant arrives
     * on, the more so on a busy machine. Gives up after about two seconds of pulses.
     */
    private static void revealOnNextPulses(Parent root, Instant writtenAt) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (scrollTo(root, writtenAt) || ++pulses >= MAX_PULSES) {
                    stop();
                }
            }
        }.start();
    }

    /** Scrolls to the note and marks it; false when the view holds no such note. */
    static boolean scrollTo(Parent root, Instant writtenAt) {
        Node target = null;
        for (Node note : root.lookupAll(".status-note")) {
            note.getStyleClass().remove(TARGET);
            if (writtenAt.equals(note.getUserData())) {
                target = note;
            }
        }
        if (target == null || !(root.lookup("#tenantScroll") instanceof ScrollPane scroll)
                || !(scroll.getContent() instanceof Parent content)) {
            return false;
        }
        target.getStyleClass().add(TARGET);
        scroll.applyCss();
        scroll.layout();
        Bounds note = content.sceneToLocal(target.localToScene(target.getBoundsInLocal()));
        double scrollable = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        if (scrollable > 0) {
            scroll.setVvalue(Math.max(0, Math.min(1, (note.getMinY() - 8) / scrollable)));
        }
        return true;
    }
}

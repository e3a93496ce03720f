package ftop.app.customer;

import java.util.List;
import java.util.function.Consumer;

import ftop.app.edit.RowMarks;
import ftop.app.widgets.FieldMarker;
import ftop.core.store.FieldProblem;
import ftop.core.store.OutboxState;

/**
 * Puts an edit the server did not take on a {@link FieldMarker}, with the actions that settle it:
 * a conflict offers Keep mine / Take theirs; a refusal Keep mine / Discard, or Send again / Discard
 * once the rules that refused it allow it. Every form marks its fields through here.
 */
final class ProblemMarks {

    private ProblemMarks() {
    }

    /**
     * @param onFailure what went wrong with a decision, for the form to say (empty when a new one starts)
     */
    static void show(FieldMarker marker, RowMarks.Mark mark, CustomerViewModel model, Consumer<String> onFailure) {
        FieldProblem p = mark.problem();
        if (p.state() == OutboxState.CONFLICT) {
            marker.show(FieldMarker.Kind.CONFLICT, mark.message(), List.of(
                    settle(marker, "KeepMine", "Keep mine", true, p, CustomerViewModel.Settle.KEEP_MINE, model, onFailure),
                    settle(marker, "TakeTheirs", "Take theirs", false, p, CustomerViewModel.Settle.TAKE_THEIRS, model,
                            onFailure)));
        } else if (mark.couldPass()) {
            marker.show(FieldMarker.Kind.REJECTED, mark.message(), List.of(
                    settle(marker, "SendAgain", "Send again", true, p, CustomerViewModel.Settle.KEEP_MINE, model, onFailure),
                    settle(marker, "Discard", "Discard", false, p, CustomerViewModel.Settle.DISCARD, model, onFailure)));
        } else {
            marker.show(FieldMarker.Kind.REJECTED, mark.message(), List.of(
                    settle(marker, "KeepMine", "Keep mine", false, p, CustomerViewModel.Settle.KEEP_MINE, model, onFailure),
                    settle(marker, "Discard", "Discard", false, p, CustomerViewModel.Settle.DISCARD, model, onFailure)));
        }
    }

    private static FieldMarker.Action settle(FieldMarker marker, String id, String text, boolean primary,
            FieldProblem p, CustomerViewModel.Settle how, CustomerViewModel model, Consumer<String> onFailure) {
        return new FieldMarker.Action(id, text, primary, () -> {
            marker.setBusy(true);
            onFailure.accept("");
            model.settle(p.mutationId(), how, () -> marker.setBusy(false), problem -> {
                marker.setBusy(false);
                onFailure.accept(problem);
            });
        });
    }
}

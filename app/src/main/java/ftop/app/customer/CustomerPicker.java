package ftop.app.customer;

import java.util.List;
import java.util.function.Consumer;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.StringConverter;

import atlantafx.base.controls.CustomTextField;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A search field for customers: type part of a name or a TPID, pick from the suggestions (or
 * press Enter on an exact name or TPID). Reports the pick; shows whichever customer is current.
 */
public final class CustomerPicker extends CustomTextField {

    private static final int SUGGESTIONS = 12;

    /** A copy of the choices for the suggestion thread, which must not read the FX list while it changes. */
    private volatile List<CustomerChoice> snapshot = List.of();
    private final AutoCompletionBinding<CustomerChoice> completion;
    /** The text {@link #show} put in the field: no suggestions for it, they would cover the tab. */
    private volatile String shown = "";

    public CustomerPicker(ObservableList<CustomerChoice> choices, Consumer<CustomerChoice> onPick) {
        setLeft(new FontIcon(Material2MZ.SEARCH));
        setPromptText("Find a customer by name or TPID");
        snapshot = List.copyOf(choices);
        choices.addListener((ListChangeListener<CustomerChoice>) c -> snapshot = List.copyOf(choices));
        completion = TextFields.bindAutoCompletion(this,
                request -> request.getUserText().equals(shown) ? List.of()
                        : CustomerChoice.search(snapshot, request.getUserText(), SUGGESTIONS),
                new StringConverter<>() {
                    @Override
                    public String toString(CustomerChoice choice) {
                        return choice == null ? "" : choice.toString();
                    }

                    @Override
                    public CustomerChoice fromString(String text) {
                        return CustomerChoice.exact(snapshot, text).orElse(null);
                    }
                });
        completion.setVisibleRowCount(SUGGESTIONS);
        // as wide as the field, so names and TPIDs are read in full
        completion.prefWidthProperty().bind(widthProperty());
        completion.setOnAutoCompleted(e -> onPick.accept(e.getCompletion()));
        setOnAction(e -> CustomerChoice.exact(snapshot, getText()).ifPresent(onPick));
    }

    /** Shows {@code choice} as the current customer. */
    public void show(CustomerChoice choice) {
        String text = choice == null ? "" : choice.toString();
        // unchanged text after a pick from the suggestions: setting it again would only reopen them
        if (!text.equals(getText())) {
            shown = text;
            setText(text);
            positionCaret(text.length());
        }
    }
}

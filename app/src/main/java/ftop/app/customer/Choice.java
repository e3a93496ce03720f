package ftop.app.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.scene.control.ComboBox;

import ftop.core.Labelled;

/**
 * One entry of a choice list: a value (or none, "Not set") and the words the guide uses for it.
 * Lists hold these rather than bare values so "Not set" is an ordinary, pickable entry.
 */
record Choice<T>(T value, String label) {

    static final String NOT_SET = "Not set";

    Choice {
        Objects.requireNonNull(label, "label");
    }

    static <T> Choice<T> none() {
        return new Choice<>(null, NOT_SET);
    }

    Optional<T> optional() {
        return Optional.ofNullable(value);
    }

    @Override
    public String toString() {
        return label;
    }

    /** "Not set" and every constant of {@code type}, with its label. */
    static <E extends Enum<E> & Labelled> List<Choice<E>> of(Class<E> type) {
        List<Choice<E>> list = new ArrayList<>();
        list.add(none());
        for (E e : type.getEnumConstants()) {
            list.add(new Choice<>(e, e.label()));
        }
        return list;
    }

    /** A combo box of {@code choices}. */
    static <T> ComboBox<Choice<T>> box(List<Choice<T>> choices) {
        ComboBox<Choice<T>> box = new ComboBox<>();
        box.getItems().setAll(choices);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setVisibleRowCount(12);
        return box;
    }

    /** Selects the entry holding {@code value}, or "Not set". */
    static <T> void select(ComboBox<Choice<T>> box, Optional<T> value) {
        box.getItems().stream().filter(c -> Objects.equals(c.value(), value.orElse(null))).findFirst()
                .ifPresentOrElse(box::setValue, () -> box.setValue(box.getItems().isEmpty() ? null : box.getItems().get(0)));
    }

    /** The value picked; empty for "Not set". */
    static <T> Optional<T> picked(ComboBox<Choice<T>> box) {
        return box.getValue() == null ? Optional.empty() : box.getValue().optional();
    }
}

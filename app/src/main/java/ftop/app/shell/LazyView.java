package ftop.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * A page's view that is built the first time someone needs it: its tab is selected, or a feature
 * asks for it (restoring a draft, Ctrl+F). Building every page at start costs the first screen
 * the time to make controls nobody looks at yet; on the FX thread only.
 *
 * @param <V> the view
 */
final class LazyView<V extends Node> {

    private final Supplier<V> make;
    private final List<Consumer<V>> whenBuilt = new ArrayList<>();
    private V view;

    LazyView(Supplier<V> make) {
        this.make = Objects.requireNonNull(make, "make");
    }

    /** The view, built now when it was not yet; those waiting for it hear of it first. */
    V get() {
        if (view == null) {
            view = make.get();
            List<Consumer<V>> waiting = List.copyOf(whenBuilt);
            whenBuilt.clear();
            waiting.forEach(action -> action.accept(view));
        }
        return view;
    }

    /** The view if it was built; nothing is built for asking. */
    Optional<V> ifBuilt() {
        return Optional.ofNullable(view);
    }

    /** Runs {@code action} with the view once it is built: now if it is. */
    void whenBuilt(Consumer<V> action) {
        Objects.requireNonNull(action, "action");
        if (view != null) {
            action.accept(view);
        } else {
            whenBuilt.add(action);
        }
    }

    /**
     * Makes {@code tab} show the view: builds it when the tab is first selected, and puts it in the
     * tab whenever it is built (also when something else asked for it first).
     */
    void fill(Tab tab) {
        whenBuilt(tab::setContent);
        if (tab.isSelected()) {
            get();
        }
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                get();
            }
        });
    }
}

package ftop.app.widgets;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;
import javafx.scene.control.TableView;

/**
 * A read-only list that follows another one with the smallest changes it can tell: nothing when a
 * change left the same items, a permutation when they were only sorted again, and otherwise the runs
 * of items that left and the runs that came, each as its own change.
 *
 * <p>Why: a {@code FilteredList} reports every new predicate as one change replacing all its items,
 * even when the same items pass. A table takes such a change as "everything is new" and rebuilds all
 * its rows, styling every cell again, on every keystroke in a search box. Shown through this list, a
 * table keeps the rows whose item did not move and styles only the ones that changed.
 *
 * <p>Items are told apart by identity. A table showing this list must leave sorting to the sorted
 * list it follows: install it with {@link #show(TableView, ObservableList)}.
 *
 * @param <E> the items
 */
public final class SteadyList<E> extends ObservableListBase<E> {

    /** More runs than this and one change replacing everything is cheaper for the table. */
    private static final int MAX_RUNS = 32;

    private final ObservableList<? extends E> source;
    private List<E> items;
    /** Kept while this list is used, so the source does not drop the (weakly held) listener. */
    private final ListChangeListener<E> follower = c -> follow();

    private SteadyList(ObservableList<? extends E> source) {
        this.source = Objects.requireNonNull(source, "source");
        this.items = new ArrayList<>(source);
        source.addListener(follower);
    }

    /** A list following {@code source}. */
    public static <E> SteadyList<E> following(ObservableList<? extends E> source) {
        return new SteadyList<>(source);
    }

    /**
     * Shows {@code sorted} (a list the table's comparator sorts, e.g. a {@code SortedList} bound to it)
     * in {@code table} through a steady list; the table's own sort only asks that list to sort.
     */
    public static <E> SteadyList<E> show(TableView<E> table, ObservableList<E> sorted) {
        SteadyList<E> steady = following(sorted);
        table.setItems(steady);
        table.setSortPolicy(t -> true);
        return steady;
    }

    @Override
    public E get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    private void follow() {
        List<E> next = new ArrayList<>(source);
        if (sameItems(items, next)) {
            return;
        }
        Map<E, Integer> nextIndex = new IdentityHashMap<>(next.size() * 2);
        for (int i = 0; i < next.size(); i++) {
            nextIndex.put(next.get(i), i);
        }
        if (next.size() == items.size() && isPermutation(nextIndex)) {
            permute(next, nextIndex);
            return;
        }
        // keep, in order, the items still there; the rest leave, and the new ones come in between
        boolean[] kept = new boolean[items.size()];
        boolean[] stays = new boolean[next.size()];
        int last = -1;
        for (int i = 0; i < items.size(); i++) {
            Integer at = nextIndex.get(items.get(i));
            if (at != null && at > last) {
                kept[i] = true;
                stays[at] = true;
                last = at;
            }
        }
        List<int[]> removed = runs(kept);
        List<int[]> added = runs(stays);
        if (removed.size() + added.size() > MAX_RUNS) {
            replaceAll(next);
            return;
        }
        // from the end, so the earlier positions still hold
        for (int r = removed.size() - 1; r >= 0; r--) {
            int from = removed.get(r)[0];
            int to = removed.get(r)[1];
            List<E> gone = new ArrayList<>(items.subList(from, to));
            beginChange();
            items.subList(from, to).clear();
            nextRemove(from, gone);
            endChange();
        }
        // what is left is the kept items in their new order; the new ones go in at their places
        for (int[] run : added) {
            beginChange();
            items.addAll(run[0], next.subList(run[0], run[1]));
            nextAdd(run[0], run[1]);
            endChange();
        }
    }

    private boolean isPermutation(Map<E, Integer> nextIndex) {
        for (E item : items) {
            if (!nextIndex.containsKey(item)) {
                return false;
            }
        }
        return true;
    }

    private void permute(List<E> next, Map<E, Integer> nextIndex) {
        int[] moves = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            moves[i] = nextIndex.get(items.get(i));
        }
        beginChange();
        items = next;
        nextPermutation(0, moves.length, moves);
        endChange();
    }

    private void replaceAll(List<E> next) {
        List<E> gone = items;
        beginChange();
        items = next;
        nextReplace(0, next.size(), gone);
        endChange();
    }

    /** The runs [from, to) of positions not marked. */
    private static List<int[]> runs(boolean[] marked) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= marked.length; i++) {
            boolean free = i < marked.length && !marked[i];
            if (free && start < 0) {
                start = i;
            } else if (!free && start >= 0) {
                runs.add(new int[] {start, i});
                start = -1;
            }
        }
        return runs;
    }

    private static <E> boolean sameItems(List<E> a, List<E> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}

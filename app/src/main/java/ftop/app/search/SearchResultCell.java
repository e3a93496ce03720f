package ftop.app.search;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import ftop.app.widgets.DateText;
import ftop.core.search.SearchHit;
import ftop.core.search.SearchKind;
import ftop.core.search.SearchText;

/**
 * Draws a results line: a group heading, or a hit as two lines with the words the query matched
 * in bold. Texts wrap rather than being cut off.
 */
final class SearchResultCell extends ListCell<SearchRow> {

    private final Label heading = new Label();
    private final TextFlow first = new TextFlow();
    private final TextFlow second = new TextFlow();
    private final VBox hitBox = new VBox(2, first, second);

    SearchResultCell() {
        heading.getStyleClass().add("search-heading-label");
        first.getStyleClass().add("search-hit-title");
        second.getStyleClass().add("search-hit-detail");
        hitBox.setMinWidth(0);
        // the flows wrap at the list's width instead of widening it
        first.maxWidthProperty().bind(widthProperty().subtract(24));
        second.maxWidthProperty().bind(widthProperty().subtract(24));
    }

    @Override
    protected void updateItem(SearchRow row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeAll("search-heading", "search-hit");
        setText(null);
        if (empty || row == null) {
            setGraphic(null);
            setMouseTransparent(false);
            return;
        }
        if (row.isHeading()) {
            heading.setText(row.kind().label() + (row.more() ? " · the first " + SearchModel.PER_KIND
                    + " (type more to narrow)" : ""));
            getStyleClass().add("search-heading");
            // headings are not picked: clicks and arrow keys go to hits only
            setMouseTransparent(true);
            setGraphic(heading);
            return;
        }
        setMouseTransparent(false);
        getStyleClass().add("search-hit");
        SearchHit hit = row.hit();
        Collection<String> words = hit.matchedWords();
        if (hit.kind() == SearchKind.STATUS_NOTE) {
            // the customer, which text matched and when it was written; the note's own words below
            fill(first, Set.of(), hit.customerName() + " · " + hit.field()
                    + hit.writtenAt().map(at -> " · " + DateText.of(at.atZone(ZoneId.systemDefault()).toLocalDate()))
                    .orElse(""));
            fill(second, words, hit.text());
        } else {
            fill(first, words, hit.title());
            String context = hit.kind() == SearchKind.CUSTOMER ? "" : hit.customerName() + " · ";
            fill(second, words, context + (hit.kind() == SearchKind.CUSTOMER ? hit.field() + " " : "") + hit.text());
        }
        setGraphic(hitBox);
    }

    private static void fill(TextFlow flow, Collection<String> words, String text) {
        flow.getChildren().clear();
        for (SearchText.Span span : SearchText.spans(text, words)) {
            Text part = new Text(span.text());
            part.getStyleClass().add(span.matched() ? "search-match" : "search-text");
            flow.getChildren().add(part);
        }
    }
}

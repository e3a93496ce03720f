package ftop.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftop.app.AppFixtures;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.search.SearchHit;
import ftop.core.search.SearchKind;

/** The search popup's model on a real workspace, with the background work run when the test says. */
class SearchModelTest {

    @TempDir
    Path dir;

    private StoreWorkspace workspace;
    private final List<Runnable> queued = new ArrayList<>();

    @BeforeEach
    void open() {
        workspace = AppFixtures.workspace(dir);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void theLatestQueryWinsWhateverOrderTheAnswersComeIn() {
        SearchModel model = new SearchModel(workspace.reads(), BackgroundTasks.on(queued::add, Runnable::run));

        model.search("network");
        model.search("patti");
        assertThat(model.searchingProperty().get()).isTrue();
        // the later query answers first, then the earlier one, which the user typed past
        queued.get(1).run();
        queued.get(0).run();

        assertThat(model.resultsProperty().get().query()).isEqualTo("patti");
        assertThat(model.resultsProperty().get().groups()).containsOnlyKeys(SearchKind.CONTACT);
        assertThat(model.searchingProperty().get()).isFalse();
    }

    @Test
    void aQueryWithoutWordsShowsNothingAndReadsNothing() {
        SearchModel model = new SearchModel(workspace.reads(), BackgroundTasks.on(queued::add, Runnable::run));

        model.search(" ;, ");

        assertThat(queued).isEmpty();
        assertThat(model.resultsProperty().get().isEmpty()).isTrue();
        assertThat(model.searchingProperty().get()).isFalse();
    }

    @Test
    void aWorkspaceFromBeforeTheIndexOpensAtOnceAndIsIndexedWhenAsked() throws Exception {
        workspace.close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("ftop"), "sa", "");
             Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM search_word");
            st.executeUpdate("DELETE FROM search_entry");
            st.executeUpdate("DELETE FROM search_state");
        }
        workspace = StoreWorkspace.open("test", Optional.of(dir), AppFixtures.TODAY);
        SearchModel model = new SearchModel(workspace.reads(), BackgroundTasks.immediate());
        List<Runnable> building = new ArrayList<>();
        BackgroundTasks builder = BackgroundTasks.on(building::add, Runnable::run);

        model.search("netw");
        assertThat(model.resultsProperty().get().isEmpty()).isTrue();
        model.buildIndexIfMissing(workspace.writes(), builder);
        building.remove(0).run();
        // the index is being made: the search says so, and finds what is there meanwhile
        assertThat(model.indexingProperty().get()).isTrue();
        building.remove(0).run();

        assertThat(model.indexingProperty().get()).isFalse();
        assertThat(model.resultsProperty().get().query()).isEqualTo("netw");
        assertThat(model.resultsProperty().get().groups()).containsKey(SearchKind.STATUS_NOTE);
        model.buildIndexIfMissing(workspace.writes(), builder);
        building.remove(0).run();
        assertThat(building).isEmpty();
        assertThat(model.indexingProperty().get()).isFalse();
    }

    @Test
    void findsANoteByItsRisksOfflineWithItsCustomer() {
        SearchModel model = new SearchModel(workspace.reads(), BackgroundTasks.immediate());

        model.search("netw");

        SearchHit hit = model.resultsProperty().get().groups().get(SearchKind.STATUS_NOTE).get(0);
        assertThat(hit.customerName()).isEqualTo("Contoso");
        assertThat(hit.field()).isEqualTo("Risks");
        assertThat(hit.matchedWords()).containsExactly("Network");
    }
}

package ftop.core.store;

import static ftop.core.store.StoreTestData.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.change.EntityKind;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerProgress;
import ftop.core.change.Mutation;
import ftop.core.validation.Contoso;
import ftop.core.validation.ValidationContext;
import ftop.core.validation.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated demo workspace in a real store: every row comes back equal and still valid. */
class StoreDemoWorkspaceTest {

    @TempDir
    Path dir;

    @Test
    void theDemoWorkspaceLoadsWhole() {
        Dataset demo = DatasetGenerator.demo(Contoso.TODAY);
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(demo, 0);

            for (Map.Entry<EntityKind, List<?>> rows : demo.byKind().entrySet()) {
                Repository<?> repository = store.repository(rows.getKey().type());
                assertThat(repository.count()).as(rows.getKey().wireName()).isEqualTo(rows.getValue().size());
                List<Object> loaded = List.copyOf(repository.all());
                assertThat(loaded).as(rows.getKey().wireName()).containsExactlyInAnyOrderElementsOf(rows.getValue());
            }
        }
    }

    @Test
    void everyDemoRowIsValidAgainstTheStoreItself() {
        Dataset demo = DatasetGenerator.demo(Contoso.TODAY);
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(demo, 0);
            ValidationContext context = store.validationContext(Contoso.TODAY);

            for (List<?> rows : demo.byKind().values()) {
                for (Object row : rows) {
                    assertThat(Validator.validate(row, context)).as(row.toString()).isEmpty();
                }
            }
        }
    }

    @Test
    void anEditOfADemoCustomersHealthIsSavedAndQueued() {
        Dataset demo = DatasetGenerator.demo(Contoso.TODAY);
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(demo, 0);
            CustomerHealth health = demo.health().get(0);
            CustomerProgress p = health.progress();
            CustomerHealth edited = health.withProgress(new CustomerProgress(p.status(), p.expectedProgressDue(),
                    p.expectedHealth(), Optional.of(Contoso.TODAY.plusDays(14)), p.previousReviewDate(), p.cxpWatchlist(),
                    p.region(), p.vertical()));

            Mutation mutation = store.save(edited);

            assertThat(store.health().get(Long.toString(health.tpid()))).contains(edited);
            assertThat(store.outbox().pending(10)).singleElement()
                    .satisfies(e -> assertThat(e.mutation()).isEqualTo(mutation));
        }
    }
}

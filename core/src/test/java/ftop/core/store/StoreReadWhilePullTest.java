package ftop.core.store;

import static ftop.core.store.StoreTestData.CLOCK;
import static ftop.core.store.StoreTestData.contoso;
import static ftop.core.store.StoreTestData.renamed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ftop.core.Json;
import ftop.core.change.EntityKind;
import ftop.core.customer.Customer;
import ftop.core.validation.Contoso;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads run on their own connection: while a pull page's transaction is open (held open by a row
 * whose reading waits on a latch), the screens still read the last committed rows.
 */
class StoreReadWhilePullTest {

    @TempDir
    Path dir;

    private final ExecutorService sync = Executors.newSingleThreadExecutor();
    private final ExecutorService screen = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        sync.shutdownNow();
        screen.shutdownNow();
    }

    @Test
    void aReadCompletesWithTheCommittedRowsWhileAPullPageIsBeingWritten() throws Exception {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(contoso(), 10);
            CountDownLatch pageOpen = new CountDownLatch(1);
            CountDownLatch finishPage = new CountDownLatch(1);
            Customer renamed = renamed(Contoso.CUSTOMER, "Contoso Pulled");
            List<RemoteRow> page = List.of(
                    row(renamed, 11, Json.mapper().valueToTree(renamed)),
                    row(Contoso.FABRIKAM, 11, held(Contoso.FABRIKAM, pageOpen, finishPage)));
            List<StoreChange.Origin> origins = new ArrayList<>();
            store.addListener(change -> origins.add(change.origin()));

            // The page drops Fabrikam's customer first, then blocks inside its transaction.
            Future<?> pull = sync.submit(() -> store.applyPull(page, Set.of(Contoso.FABRIKAM_TPID), 11));
            pageOpen.await();

            // Guarded by a timeout only so that a regression fails instead of hanging.
            Future<List<String>> read = screen.submit(() -> store.customers().all().stream().map(Customer::name).toList());
            assertThat(read.get(30, TimeUnit.SECONDS)).containsExactly("Contoso", "Fabrikam");
            assertThat(screen.submit(store::cursor).get(30, TimeUnit.SECONDS)).isEqualTo(10);

            finishPage.countDown();
            pull.get(30, TimeUnit.SECONDS);
            assertThat(store.customers().all()).extracting(Customer::name).containsExactly("Contoso Pulled", "Fabrikam");
            assertThat(store.cursor()).isEqualTo(11);
            assertThat(origins).containsExactly(StoreChange.Origin.SYNC);
        }
    }

    private static RemoteRow row(Object entity, long revision, JsonNode body) {
        EntityKind kind = EntityKind.of(entity);
        return new RemoteRow(kind, kind.idOf(entity), kind.tpidOf(entity), revision, body);
    }

    /** The row's JSON, which signals {@code open} and waits for {@code finish} when the store reads it. */
    private static JsonNode held(Object entity, CountDownLatch open, CountDownLatch finish) {
        ObjectNode plain = Json.mapper().valueToTree(entity);
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        plain.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
        return new ObjectNode(JsonNodeFactory.instance, fields) {
            @Override
            public Set<Map.Entry<String, JsonNode>> properties() {
                open.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.properties();
            }
        };
    }
}

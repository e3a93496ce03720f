package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ftop.sync.server.AdmissionQueue.Lane;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admission queue's lanes: writes go ahead of reads, reads still get turns, and a full queue refuses. */
class AdmissionQueueTest {

    private final ExecutorService requests = Executors.newCachedThreadPool();
    private final List<String> served = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        requests.shutdownNow();
    }

    /** A request that takes its turn in {@code lane}, notes its name, and gives the turn back. */
    private Future<?> request(AdmissionQueue queue, Lane lane, String name) {
        int before = queue.waiting();
        Future<?> f = requests.submit(() -> {
            queue.enter(lane);
            served.add(name);
            queue.leave();
            return null;
        });
        await(name + " waits").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
                .until(() -> queue.waiting() == before + 1);
        return f;
    }

    @Test
    void aWriteQueuedAfterReadsIsServedBeforeThem() throws Exception {
        AdmissionQueue queue = new AdmissionQueue(1, 16, Duration.ofMinutes(1));
        queue.enter(Lane.READ);
        Future<?> r1 = request(queue, Lane.READ, "read 1");
        Future<?> r2 = request(queue, Lane.READ, "read 2");
        Future<?> w1 = request(queue, Lane.WRITE, "write 1");
        queue.leave();
        for (Future<?> f : List.of(r1, r2, w1)) {
            f.get();
        }
        assertThat(served).containsExactly("write 1", "read 1", "read 2");
    }

    @Test
    void readsGetATurnAmongManyWrites() throws Exception {
        AdmissionQueue queue = new AdmissionQueue(1, 16, Duration.ofMinutes(1));
        queue.enter(Lane.WRITE);
        Future<?> read = request(queue, Lane.READ, "read");
        List<Future<?>> writes = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            writes.add(request(queue, Lane.WRITE, "write " + i));
        }
        queue.leave();
        read.get();
        for (Future<?> f : writes) {
            f.get();
        }
        assertThat(served.indexOf("read")).isEqualTo(AdmissionQueue.READ_TURN_EVERY - 1);
        assertThat(served).hasSize(7);
    }

    @Test
    void readsFillAtMostThreeQuartersOfTheQueueAndAFullQueueRefusesEveryone() throws Exception {
        AdmissionQueue queue = new AdmissionQueue(1, 4, Duration.ofMinutes(1));
        queue.enter(Lane.READ);
        for (int i = 1; i <= 3; i++) {
            request(queue, Lane.READ, "read " + i);
        }
        assertThatThrownBy(() -> queue.enter(Lane.READ)).isInstanceOf(DatabaseBusyException.class)
                .hasMessageContaining("waiting");
        request(queue, Lane.WRITE, "write");
        assertThatThrownBy(() -> queue.enter(Lane.WRITE)).isInstanceOf(DatabaseBusyException.class);
        queue.leave();
        await("everyone served").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
                .until(() -> served.size() == 4);
        assertThat(served.get(0)).isEqualTo("write");
        assertThat(queue.waiting()).isZero();
    }

    @Test
    void aWaitPastItsLimitIsRefusedAndLeavesNoTicketBehind() throws Exception {
        AdmissionQueue queue = new AdmissionQueue(1, 4, Duration.ofMillis(1));
        queue.enter(Lane.READ);
        assertThatThrownBy(() -> queue.enter(Lane.WRITE)).isInstanceOf(DatabaseBusyException.class)
                .hasMessageContaining("after");
        assertThat(queue.waiting()).isZero();
        queue.leave();
        queue.enter(Lane.READ);
        queue.leave();
    }
}

package ftop.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class BackgroundTasksTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void workRunsInTheBackgroundAndHandlersOnTheFxThread() throws Exception {
        AtomicReference<String> workThread = new AtomicReference<>();
        AtomicReference<Boolean> handlerOnFx = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        try (BackgroundTasks tasks = BackgroundTasks.create()) {
            tasks.run(() -> {
                workThread.set(Thread.currentThread().getName());
                return 42;
            }, result -> {
                handlerOnFx.set(Platform.isFxApplicationThread() && result == 42);
                done.countDown();
            }, failure -> done.countDown());
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(workThread.get()).startsWith("ftop-io");
        assertThat(handlerOnFx.get()).isTrue();
    }

    @Test
    void failuresReachTheFailureHandlerOnTheFxThread() throws Exception {
        AtomicReference<String> message = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        try (BackgroundTasks tasks = BackgroundTasks.create()) {
            tasks.run(() -> {
                throw new IllegalStateException("disk full");
            }, result -> done.countDown(), failure -> {
                message.set(Platform.isFxApplicationThread() + ":" + failure.getMessage());
                done.countDown();
            });
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(message.get()).isEqualTo("true:disk full");
    }

    @Test
    void workRunsInTheOrderItWasGiven() throws Exception {
        List<Integer> order = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(20);
        try (BackgroundTasks tasks = BackgroundTasks.create()) {
            for (int i = 0; i < 20; i++) {
                int n = i;
                tasks.run(() -> {
                    synchronized (order) {
                        order.add(n);
                    }
                    return n;
                }, r -> done.countDown(), f -> done.countDown());
            }
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(order).isSorted().hasSize(20);
    }

    @Test
    void immediateTasksRunAtOnceOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        List<String> seen = new ArrayList<>();
        BackgroundTasks.immediate().run(() -> Thread.currentThread() == caller ? "work" : "elsewhere",
                seen::add, failure -> seen.add("failed"));
        assertThat(seen).containsExactly("work");
    }
}

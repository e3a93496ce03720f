package ftop.app.testkit;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

import org.hamcrest.Matcher;
import org.testfx.service.finder.NodeFinder;
import org.testfx.service.query.NodeQuery;

/**
 * TestFX's node finder, walking the scene graph on the FX thread. TestFX walks it on the test's
 * thread, so a lookup made while the app changes a parent's children (a sync bringing a colleague's
 * change, a list rebuilt) can fail inside JavaFX with an {@code IndexOutOfBoundsException} or miss
 * a node. Here every query that reads the graph runs on the FX thread, between two of its pulses,
 * and sees the graph whole; the nodes it returns are the same.
 */
final class FxThreadNodeFinder implements NodeFinder {

    /** Long enough for a busy FX thread; a query itself takes microseconds. */
    private static final long PATIENCE_SECONDS = 45;

    private final NodeFinder testFx;

    FxThreadNodeFinder(NodeFinder testFx) {
        this.testFx = testFx;
    }

    @Override
    public NodeQuery lookup(String query) {
        return onFx(() -> new Query(testFx.lookup(query)));
    }

    @Override
    public <T> NodeQuery lookup(Matcher<T> matcher) {
        return onFx(() -> new Query(testFx.lookup(matcher)));
    }

    @Override
    public <T extends Node> NodeQuery lookup(Predicate<T> predicate) {
        return onFx(() -> new Query(testFx.lookup(predicate)));
    }

    @Override
    public NodeQuery fromAll() {
        return onFx(() -> new Query(testFx.fromAll()));
    }

    @Override
    public NodeQuery from(Node... parentNodes) {
        return new Query(testFx.from(parentNodes));
    }

    @Override
    public NodeQuery from(Collection<Node> parentNodes) {
        return new Query(testFx.from(parentNodes));
    }

    @Override
    public NodeQuery from(NodeQuery nodeQuery) {
        return onFx(() -> new Query(testFx.from(nodeQuery)));
    }

    @Override
    public Node rootNode(Window window) {
        return testFx.rootNode(window);
    }

    @Override
    public Node rootNode(Scene scene) {
        return testFx.rootNode(scene);
    }

    @Override
    public Node rootNode(Node node) {
        return testFx.rootNode(node);
    }

    /** {@code work}'s result, computed on the FX thread (at once when called there). */
    static <R> R onFx(Supplier<R> work) {
        if (Platform.isFxApplicationThread()) {
            return work.get();
        }
        CompletableFuture<R> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // the query's own failure (no node found, ...) as TestFX would have thrown it
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while looking up nodes", e);
        } catch (TimeoutException e) {
            throw new AssertionError("The FX thread did not run a node lookup within " + PATIENCE_SECONDS + " s", e);
        }
    }

    /** A query whose steps are TestFX's and whose results are read on the FX thread. */
    private static final class Query implements NodeQuery {

        private final NodeQuery testFx;

        Query(NodeQuery testFx) {
            this.testFx = testFx;
        }

        @Override
        public NodeQuery from(Node... parentNodes) {
            return new Query(testFx.from(parentNodes));
        }

        @Override
        public NodeQuery from(Collection<Node> parentNodes) {
            return new Query(testFx.from(parentNodes));
        }

        @Override
        public NodeQuery lookup(String query) {
            return new Query(testFx.lookup(query));
        }

        @Override
        public <T> NodeQuery lookup(Matcher<T> matcher) {
            return new Query(testFx.lookup(matcher));
        }

        @Override
        public <T extends Node> NodeQuery lookup(Predicate<T> predicate) {
            return new Query(testFx.lookup(predicate));
        }

        @Override
        public NodeQuery lookup(Function<Node, Set<Node>> function) {
            return new Query(testFx.lookup(function));
        }

        @Override
        public <T> NodeQuery match(Matcher<T> matcher) {
            return new Query(testFx.match(matcher));
        }

        @Override
        public <T extends Node> NodeQuery match(Predicate<T> predicate) {
            return new Query(testFx.match(predicate));
        }

        @Override
        public NodeQuery nth(int index) {
            return new Query(testFx.nth(index));
        }

        @Override
        public <T extends Node> T query() {
            return onFx(testFx::query);
        }

        @Override
        public <T extends Node> T queryAs(Class<T> clazz) {
            return onFx(() -> testFx.queryAs(clazz));
        }

        @Override
        public <T extends Node> Optional<T> tryQuery() {
            return onFx(testFx::tryQuery);
        }

        @Override
        public <T extends Node> Optional<T> tryQueryAs(Class<T> clazz) {
            return onFx(() -> testFx.tryQueryAs(clazz));
        }

        @Override
        public <T extends Node> Set<T> queryAll() {
            return onFx(testFx::queryAll);
        }

        @Override
        public <T extends Node> Set<T> queryAllAs(Class<T> clazz) {
            return onFx(() -> testFx.queryAllAs(clazz));
        }
    }
}

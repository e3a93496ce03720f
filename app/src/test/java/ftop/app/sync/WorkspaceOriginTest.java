package ftop.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftop.app.AppFixtures;
import ftop.app.AppOptions;
import ftop.app.workspace.StoreWorkspace;
import ftop.app.workspace.Workspace;
import ftop.core.customer.Customer;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.store.LocalStore;
import ftop.sync.client.SyncEngine;

/**
 * A workspace keeps what it is: one filled with a generated set under the default (demo) profile,
 * opened again without {@code --dataset} as a plain start does, gets no embedded demo server and
 * none of the demo's customers; the demo profile's own new workspace still gets them.
 */
class WorkspaceOriginTest {

    /** A workspace {@code --dataset S1500} filled, made once: loading the S1500 set is most of this class's time. */
    @TempDir
    static Path generatedOnce;

    @TempDir
    Path home;

    @BeforeAll
    static void generateOnce() {
        StoreWorkspace.openGenerated(AppOptions.DEFAULT_PROFILE, Optional.of(generatedOnce), AppFixtures.TODAY,
                DatasetGenerator.Scale.S1500).close();
    }

    /**
     * Puts a copy of the workspace made once in {@code home}, as the first start with
     * {@code --dataset S1500} left it; opening it with {@code --dataset S1500} again opens it as it is.
     */
    private void generatedWorkspaceInHome() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(generatedOnce)) {
            files = list.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("ftop.lock")).toList();
        }
        for (Path file : files) {
            Files.copy(file, home.resolve(file.getFileName()));
        }
    }

    private Workspace open(SyncedOpener opener) {
        return opener.open(AppOptions.DEFAULT_PROFILE, Optional.of(home), AppFixtures.TODAY);
    }

    @Test
    void aGeneratedWorkspaceOpenedAgainWithoutItsDatasetStaysItself() throws IOException {
        generatedWorkspaceInHome();
        Set<Long> generated;
        String user;
        // a start with --home X --dataset S1500
        try (StoreWorkspace first = StoreWorkspace.openGenerated(AppOptions.DEFAULT_PROFILE, Optional.of(home),
                AppFixtures.TODAY, DatasetGenerator.Scale.S1500)) {
            generated = tpids(first);
            user = first.userId();
            assertThat(first.setting(StoreWorkspace.ORIGIN_SETTING)).contains("dataset:S1500");
        }

        // second start: --home X, which opens the workspace connected to its server
        SyncedOpener opener = new SyncedOpener(Optional.empty(), SyncEngine.Options.defaults());
        try (Workspace second = open(opener)) {
            SyncSession session = opener.session().orElseThrow();
            try {
                assertThat(session.demo()).as("no embedded demo server for a generated workspace").isEmpty();
                assertThat(second.setting(SyncSession.DEMO_SETTING)).isEmpty();
                assertThat(tpids(second)).isEqualTo(generated);
                assertThat(second.userId()).isEqualTo(user);
                assertThat(second.setting(StoreWorkspace.ORIGIN_SETTING)).contains("dataset:S1500");
            } finally {
                session.close();
            }
        }
    }

    @Test
    void aWorkspaceFilledBeforeOriginsWereKeptIsNotTakenForTheDemo() throws IOException {
        generatedWorkspaceInHome();
        try (StoreWorkspace filled = StoreWorkspace.openGenerated("demo", Optional.of(home), AppFixtures.TODAY,
                DatasetGenerator.Scale.S1500)) {
            filled.store().removeSetting(StoreWorkspace.ORIGIN_SETTING);
        }
        try (LocalStore store = LocalStore.open(home)) {
            assertThat(SyncSession.isDemo(store, true)).isFalse();
        }
    }

    @Test
    void aNewDemoWorkspaceIsTheDemoAndSaysSo() {
        SyncedOpener opener = new SyncedOpener(Optional.empty(), SyncEngine.Options.defaults());
        try (Workspace demo = open(opener)) {
            SyncSession session = opener.session().orElseThrow();
            try {
                assertThat(session.demo()).isPresent();
                assertThat(demo.customers()).hasSameSizeAs(DatasetGenerator.demo(AppFixtures.TODAY).customers());
                assertThat(demo.setting(StoreWorkspace.ORIGIN_SETTING)).contains(StoreWorkspace.DEMO_ORIGIN);
            } finally {
                session.close();
            }
        }
    }

    private static Set<Long> tpids(Workspace workspace) {
        return workspace.customers().stream().map(Customer::tpid).collect(Collectors.toSet());
    }
}

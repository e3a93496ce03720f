package ftop.app.bench;

import static ftop.app.bench.BenchWindow.onFx;
import static ftop.app.bench.BenchWindow.percentile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.control.TextField;

import ftop.app.FtopApplication;
import ftop.app.search.SearchModel;
import ftop.app.search.SearchPopup;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.search.SearchResults;

/**
 * Times the search popup (Ctrl+K) over the generated S1500 set (1,500 customers, 6,000 tenants,
 * 5,000 contacts, 30,000 status notes) in a real local store, in the real window: queries typed
 * character by character, each keystroke timed from the text changing in the field to its results
 * shown, that is the query on the search thread and then, on the FX thread, the list filled and its
 * CSS and layout done. Target: p95 at most 50 ms.
 *
 * <p>The queries: words of status notes' Executive Summary, Risks and Awareness texts, customer
 * names, contact names and a TPID, typed one character at a time (about 200 keystrokes after 20
 * unmeasured ones that warm up the JIT).
 *
 * <p>Run from the repository root: {@code ./bench SearchBenchmark [STORE_DIR]}. The store is
 * generated on the first run into the directory (a fresh temporary one when none is given), which
 * also times building the search index with the bulk load. Without a display it renders headless
 * (Monocle, software pipeline).
 */
public final class SearchBenchmark {

    private static final int WARM_UP = 20;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int MEASURED = 200;
    /** Words of the generated notes' texts, whole and as phrases. */
    private static final List<String> NOTE_QUERIES = List.of("renewal not signed", "network egress", "conditional access",
            "competing collaboration", "budget change management", "proxy", "archive mailboxes", "executive business review",
            "reference candidate", "migration wave", "project manager", "adoption champions");

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("ftop-search-bench");
        LocalDate today = LocalDate.now();

        long prepare = System.nanoTime();
        List<String> queries = new ArrayList<>(NOTE_QUERIES);
        int notes;
        try (StoreWorkspace store = StoreWorkspace.openGenerated("bench", Optional.of(dir), today,
                DatasetGenerator.Scale.S1500)) {
            notes = store.reads().notes().count();
            List<Customer> customers = store.customers();
            List<Contact> contacts = store.reads().contacts().all();
            for (int i = 0; i < 6; i++) {
                queries.add(customers.get(customers.size() * i / 6 + 7).name());
            }
            for (int i = 0; i < 4; i++) {
                queries.add(contacts.get(contacts.size() * i / 4 + 3).name());
            }
            queries.add(Long.toString(customers.get(customers.size() / 2).tpid()));
        }
        System.out.printf(Locale.US, "S1500 store ready in %s (%.1f s, generated, loaded and indexed unless it was there;"
                + " %,d status notes)%n", dir, (System.nanoTime() - prepare) / 1e9, notes);

        FtopApplication app = BenchWindow.start(dir);
        BenchWindow.awaitOnFx(() -> app.search() != null && app.shell().portfolio().loadedProperty().get(),
                Duration.ofMinutes(5), () -> "The window did not open within 5 minutes");
        SearchPopup popup = onFx(() -> {
            app.search().open();
            return app.search().popup();
        });
        SearchModel model = app.search().model();
        TextField field = onFx(() -> (TextField) popup.stage().getScene().lookup("#searchField"));
        Parent root = onFx(() -> popup.stage().getScene().getRoot());

        List<String> texts = keystrokes(queries);
        onFx(() -> {
            field.setText("x");
            return null;
        });
        long searchThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("ftop-search")).findFirst().orElseThrow().getId();
        double[] cpuMs = new double[texts.size() - WARM_UP];
        double[] totalMs = new double[texts.size() - WARM_UP];
        double[] fxMs = new double[texts.size() - WARM_UP];
        int minShown = Integer.MAX_VALUE;
        int maxShown = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            CompletableFuture<long[]> shown = new CompletableFuture<>();
            long searchCpu = CPU.getThreadCpuTime(searchThread);
            long[] start = onFx(() -> {
                // after the popup's own listener has filled the list: lay it out, as the next pulse would
                ChangeListener<SearchResults> done = new ChangeListener<>() {
                    @Override
                    public void changed(ObservableValue<? extends SearchResults> obs,
                                        SearchResults old, SearchResults now) {
                        if (now.query().equals(text)) {
                            obs.removeListener(this);
                            long answered = System.nanoTime();
                            long c0 = CPU.getCurrentThreadCpuTime();
                            root.applyCss();
                            root.layout();
                            shown.complete(new long[] {answered, System.nanoTime(), now.size(),
                                    CPU.getCurrentThreadCpuTime() - c0});
                        }
                    }
                };
                model.resultsProperty().addListener(done);
                long t0 = System.nanoTime();
                long c0 = CPU.getCurrentThreadCpuTime();
                field.setText(text);
                return new long[] {t0, CPU.getCurrentThreadCpuTime() - c0};
            });
            long[] end = shown.get(60, TimeUnit.SECONDS);
            // the query's CPU on the search thread, the keystroke's and the drawing's on the FX thread
            long cpu = CPU.getThreadCpuTime(searchThread) - searchCpu + start[1] + end[3];
            if (i >= WARM_UP) {
                totalMs[i - WARM_UP] = (end[1] - start[0]) / 1e6;
                cpuMs[i - WARM_UP] = cpu / 1e6;
                fxMs[i - WARM_UP] = (end[1] - end[0]) / 1e6;
                minShown = (int) Math.min(minShown, end[2]);
                maxShown = (int) Math.max(maxShown, end[2]);
            }
        }
        System.out.printf(Locale.US, "%d keystrokes over %d queries (%d to %d hits shown, at most %d per kind)%n",
                totalMs.length, queries.size(), minShown, maxShown, SearchModel.PER_KIND);
        System.out.printf(Locale.US, "  the list's CSS and layout on the FX thread: median %.2f ms, p95 %.2f ms%n",
                percentile(fxMs, 50), percentile(fxMs, 95));
        System.out.printf(Locale.US, "  CPU of a keystroke (query on the search thread, list on the FX thread): "
                + "median %.2f ms, p95 %.2f ms%n", percentile(cpuMs, 50), percentile(cpuMs, 95));
        System.out.printf(Locale.US, "search: median %.1f ms, p95 %.1f ms%n", percentile(totalMs, 50),
                percentile(totalMs, 95));
        System.out.printf(Locale.US, "Machine: %d cores, load average %.1f (wall times grow with the load; CPU times do not)%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        onFx(() -> {
            popup.hide();
            return null;
        });
        BenchWindow.stopAndExit(app);
    }

    /** Each query typed one character at a time, from its first character to the whole of it. */
    static List<String> keystrokes(List<String> queries) {
        Set<String> texts = new LinkedHashSet<>();
        while (texts.size() < WARM_UP + MEASURED) {
            int before = texts.size();
            for (String query : queries) {
                for (int c = 1; c <= query.length() && texts.size() < WARM_UP + MEASURED; c++) {
                    texts.add(query.substring(0, c));
                }
            }
            if (texts.size() == before) {
                break;
            }
        }
        return new ArrayList<>(texts);
    }
}

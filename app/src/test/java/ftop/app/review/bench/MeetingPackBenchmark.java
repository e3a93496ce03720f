package ftop.app.review.bench;

import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.health.HealthRules;
import ftop.core.review.CustomerBrief;
import ftop.core.review.CustomerBriefs;
import ftop.core.review.DatasetReviewSource;
import ftop.app.review.export.HtmlExporter;
import ftop.app.review.export.MarkdownExporter;
import ftop.core.review.MeetingPack;
import ftop.app.review.export.PdfExporter;
import ftop.core.review.ReviewItem;
import ftop.core.review.ReviewQueue;
import ftop.core.review.ReviewSource;
import ftop.core.review.StoreReviewSource;
import ftop.core.store.LocalStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Times a meeting pack of 50 customers picked from the generated S1500 set (1,500 customers, 30,000
 * Enterprise Status notes): the review queue over the whole portfolio, briefs of its 50 most urgent
 * customers, and the PDF, HTML and Markdown exports. The target for the pack is under 5 seconds, first
 * run (cold JVM) included.
 *
 * <p>Run from the repository root: {@code ./bench MeetingPackBenchmark [/tmp/pack.pdf]}. With an
 * argument, the PDF of the last run is written to that file for a look; the page count is printed.
 */
public final class MeetingPackBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2021, 5, 3);
    private static final long SEED = 42;
    private static final int PACK_SIZE = 50;
    private static final int RUNS = 5;
    /** CPU time of the exporting thread, which a busy machine distorts less than wall-clock time. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private MeetingPackBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        Dataset data = DatasetGenerator.generate(DatasetGenerator.Scale.S1500, SEED, TODAY);
        ReviewSource source = new DatasetReviewSource(data);
        System.out.printf("Portfolio: %,d customers, %,d notes, %,d usage rows, %,d forecasts (built in %d ms)%n",
                data.customers().size(), data.notes().size(), data.usage().size(), data.forecasts().size(),
                millis(t0));

        byte[] pdf = null;
        for (int run = 1; run <= RUNS; run++) {
            long start = System.nanoTime();
            List<ReviewItem> queue = new ReviewQueue(HealthRules.defaults(), ZoneOffset.UTC).build(source, TODAY);
            long queued = System.nanoTime();
            List<Long> nominated = queue.stream().limit(PACK_SIZE).map(ReviewItem::tpid).toList();
            List<CustomerBrief> briefs = new CustomerBriefs(HealthRules.defaults(), ZoneOffset.UTC)
                    .of(nominated, source, TODAY);
            MeetingPack pack = MeetingPack.of("Americas Customer Health Review", TODAY, briefs);
            long briefed = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long pdfCpu = THREADS.getCurrentThreadCpuTime();
            new PdfExporter().write(pack, out);
            pdfCpu = THREADS.getCurrentThreadCpuTime() - pdfCpu;
            long pdfDone = System.nanoTime();
            String html = new HtmlExporter().render(pack);
            long htmlDone = System.nanoTime();
            String md = new MarkdownExporter().render(pack);
            long mdDone = System.nanoTime();
            pdf = out.toByteArray();
            System.out.printf("Run %d: queue of %,d customers %d ms; %d briefs %d ms; PDF %d ms (%d ms CPU, %,d bytes); "
                    + "HTML %d ms (%,d chars); Markdown %d ms; total %d ms%n", run, queue.size(),
                    (queued - start) / 1_000_000, briefs.size(), (briefed - queued) / 1_000_000,
                    (pdfDone - briefed) / 1_000_000, pdfCpu / 1_000_000, pdf.length, (htmlDone - pdfDone) / 1_000_000, html.length(),
                    (mdDone - htmlDone) / 1_000_000, (mdDone - start) / 1_000_000);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            System.out.printf("PDF: %d pages for %d customers (the overview, then a page per brief that fits on one)%n",
                    doc.getNumberOfPages(), PACK_SIZE);
        }
        storeRuns(data);
        if (args.length > 0) {
            Files.write(Path.of(args[0]), pdf);
            System.out.println("PDF written to " + Path.of(args[0]).toAbsolutePath());
        }
    }

    /** The same pack from an H2 workspace holding the set, as the app makes it offline. */
    private static void storeRuns(Dataset data) throws IOException {
        Path dir = Files.createTempDirectory("ftop-review-bench");
        try (LocalStore store = LocalStore.open(dir)) {
            long t0 = System.nanoTime();
            store.bulkLoad(data, 1);
            System.out.printf("Local store: loaded in %d ms%n", millis(t0));
            ReviewSource source = new StoreReviewSource(store);
            // The queue reads every customer: from a snapshot. The briefs read 50: straight from the store.
            for (int run = 1; run <= 3; run++) {
                long start = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                List<ReviewItem> queue = new ReviewQueue(HealthRules.defaults(), ZoneOffset.UTC)
                        .build(StoreReviewSource.snapshot(store), TODAY);
                long queueCpu = THREADS.getCurrentThreadCpuTime() - cpu;
                long queued = System.nanoTime();
                List<Long> nominated = queue.stream().limit(PACK_SIZE).map(ReviewItem::tpid).toList();
                MeetingPack pack = MeetingPack.of("Americas Customer Health Review", TODAY,
                        new CustomerBriefs(HealthRules.defaults(), ZoneOffset.UTC).of(nominated, source, TODAY));
                long briefed = System.nanoTime();
                new PdfExporter().write(pack, new ByteArrayOutputStream());
                long done = System.nanoTime();
                System.out.printf("Store run %d: snapshot and queue %d ms (%d ms CPU); briefs %d ms; PDF %d ms; "
                        + "total %d ms%n", run, (queued - start) / 1_000_000, queueCpu / 1_000_000, (briefed - queued) / 1_000_000, (done - briefed) / 1_000_000,
                        (done - start) / 1_000_000);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}

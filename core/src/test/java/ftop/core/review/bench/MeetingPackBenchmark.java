package ftop.core.review.bench;

import ftop.core.contact.Contact;
import ftop.core.contact.ContactKind;
import ftop.core.customer.Customer;
import ftop.core.customer.LifecyclePhase;
import ftop.core.customer.Region;
import ftop.core.customer.Segment;
import ftop.core.customer.Vertical;
import ftop.core.dataset.Dataset;
import ftop.core.health.BusinessReason;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerPerspective;
import ftop.core.health.CustomerProgress;
import ftop.core.health.CustomerStatus;
import ftop.core.health.CxpWatchlist;
import ftop.core.health.HealthColour;
import ftop.core.health.HealthRules;
import ftop.core.health.OverallMindset;
import ftop.core.health.Workload;
import ftop.core.review.CustomerBrief;
import ftop.core.review.CustomerBriefs;
import ftop.core.review.DatasetReviewSource;
import ftop.core.review.HtmlExporter;
import ftop.core.review.MarkdownExporter;
import ftop.core.review.MeetingPack;
import ftop.core.review.PdfExporter;
import ftop.core.review.ReviewItem;
import ftop.core.review.ReviewQueue;
import ftop.core.review.ReviewSource;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import ftop.core.tenant.TenantOrigin;
import ftop.core.usage.Forecast;
import ftop.core.usage.Quarter;
import ftop.core.usage.WorkloadUsage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Times a meeting pack of 50 customers picked from an S1500-sized portfolio (1,500 customers, 30,000
 * Enterprise Status notes): review queue over the whole portfolio, 50 briefs, and the PDF, HTML and
 * Markdown exports. The target for the PDF is under 5 seconds, first run included.
 *
 * <p>Run from the repository root:
 * <pre>
 * ./mvnw -q -pl core test-compile exec:java -Dexec.skip=false -Dexec.classpathScope=test \
 *     -Dexec.mainClass=ftop.core.review.bench.MeetingPackBenchmark [-Dexec.args=/tmp/pack.pdf]
 * </pre>
 * With an argument, the PDF of the last run is written to that file for a look.
 */
public final class MeetingPackBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2021, 5, 3);
    private static final int CUSTOMERS = 1_500;
    private static final int NOTES_PER_CUSTOMER = 20;
    private static final int PACK_SIZE = 50;
    private static final int RUNS = 5;

    private MeetingPackBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        Dataset data = portfolio(new Random(20210503));
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
            new PdfExporter().write(pack, out);
            long pdfDone = System.nanoTime();
            String html = new HtmlExporter().render(pack);
            long htmlDone = System.nanoTime();
            String md = new MarkdownExporter().render(pack);
            long mdDone = System.nanoTime();
            pdf = out.toByteArray();
            System.out.printf("Run %d: queue of %,d customers %d ms; %d briefs %d ms; PDF %d ms (%,d bytes); "
                    + "HTML %d ms (%,d chars); Markdown %d ms; total %d ms%n", run, queue.size(),
                    (queued - start) / 1_000_000, briefs.size(), (briefed - queued) / 1_000_000,
                    (pdfDone - briefed) / 1_000_000, pdf.length, (htmlDone - pdfDone) / 1_000_000, html.length(),
                    (mdDone - htmlDone) / 1_000_000, (mdDone - start) / 1_000_000);
        }
        if (args.length > 0) {
            Files.write(Path.of(args[0]), pdf);
            System.out.println("PDF written to " + Path.of(args[0]).toAbsolutePath());
        }
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** A deterministic portfolio of S1500 size with every kind of row a brief reads. */
    static Dataset portfolio(Random random) {
        List<Customer> customers = new ArrayList<>();
        List<Tenant> tenants = new ArrayList<>();
        List<CustomerHealth> health = new ArrayList<>();
        List<EnterpriseStatusNote> notes = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        List<WorkloadUsage> usage = new ArrayList<>();
        List<Forecast> forecasts = new ArrayList<>();
        String[] words = ("migration pilot rollout blocked network licences security review workshop onboarding "
                + "champions adoption Teams Exchange Intune devices compliance budget sponsor partner schedule").split(" ");
        for (int i = 0; i < CUSTOMERS; i++) {
            long tpid = 100_000 + i;
            customers.add(new Customer(tpid, "Customer " + i + " Holdings", Segment.S1500,
                    Region.values()[i % Region.values().length], Vertical.values()[i % Vertical.values().length],
                    "Area " + (i % 7), LifecyclePhase.values()[i % LifecyclePhase.values().length],
                    List.of(TODAY.plusDays(30 + random.nextInt(700)))));
            UUID winner = new UUID(1, tpid);
            tenants.add(new Tenant(winner, "customer" + i + ".onmicrosoft.com", tpid, true, Optional.empty(),
                    Optional.empty(), 1_000 + random.nextInt(90_000), TenantOrigin.COMMERCE_FEED));
            UUID owner = new UUID(2, tpid);
            contacts.add(new Contact(owner, tpid, ContactKind.CUSTOMER, "Owner " + i, "CIO", "", ""));
            health.add(new CustomerHealth(tpid,
                    new CustomerProgress(Optional.of(CustomerStatus.values()[random.nextInt(4)]),
                            Optional.of(TODAY.plusDays(random.nextInt(200))),
                            Optional.of(HealthColour.values()[random.nextInt(4)]),
                            Optional.of(TODAY.plusDays(random.nextInt(120) - 60)), Optional.of(TODAY.minusDays(30)),
                            Optional.of(CxpWatchlist.NOT_ON_WATCHLIST), Optional.empty(), Optional.empty()),
                    new CustomerPerspective(Optional.of(OverallMindset.values()[random.nextInt(3)]),
                            Optional.of(TODAY.plusDays(365)), Optional.of(BusinessReason.values()[random.nextInt(8)]),
                            Optional.of(owner))));
            long entitled = 1_000 + random.nextInt(50_000);
            for (Workload w : Workload.values()) {
                long active = (long) (entitled * random.nextDouble());
                usage.add(new WorkloadUsage(tpid, w, active, entitled, TODAY.minusDays(3)));
                Quarter q = Quarter.of(TODAY);
                for (int k = 0; k < 4; k++, q = q.next()) {
                    forecasts.add(new Forecast(tpid, w, q, Math.min(entitled, active + entitled * k / 10)));
                }
            }
            for (int n = 0; n < NOTES_PER_CUSTOMER; n++) {
                notes.add(new EnterpriseStatusNote(UUID.randomUUID(), tpid, winner, sentence(random, words, 40),
                        sentence(random, words, 30), sentence(random, words, 20), "fm" + (i % 60),
                        Instant.parse(TODAY + "T09:00:00Z").minusSeconds(86_400L * (n * 14 + random.nextInt(40)))));
            }
        }
        return new Dataset(List.of(), customers, tenants, health, notes, contacts, List.of(), usage, forecasts);
    }

    private static String sentence(Random random, String[] words, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }
        return s.append('.').toString();
    }
}

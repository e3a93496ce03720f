package ftop.app.review.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.health.HealthRules;
import ftop.core.review.BriefSection;
import ftop.core.review.CustomerBrief;
import ftop.core.review.CustomerBriefs;
import ftop.core.review.DatasetReviewSource;
import ftop.core.review.MeetingPack;
import ftop.core.review.ReviewWorld;
import ftop.core.validation.Contoso;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeetingPackExportTest {

    private static final LocalDate MEETING = Contoso.TODAY;

    @TempDir
    Path dir;

    static MeetingPack pack() {
        return ReviewWorld.americasPack();
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void thePdfOpensAndHoldsTheOverviewAndEveryBrief() throws IOException {
        Path file = dir.resolve("pack.pdf");
        new PdfExporter().write(pack(), file);
        keepForInspection(file);

        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(4);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Americas Customer Health Review");
            assertThat(doc.getDocumentCatalog().getDocumentOutline().children())
                    .extracting(item -> item.getTitle())
                    .containsExactly("Overview", "Contoso (1001)", "Fabrikam (2002)",
                            "Tailspin <Toys> & \"Sons\" | Ltd (3003)");

            String all = flat(new PDFTextStripper().getText(doc));
            assertThat(all).contains("Customer Health Review meeting of 3 May 2021", "3 customers", "Overview",
                    "Customer TPID Overall Group 1 Group 2 Group 3 Status Next review");
            assertThat(all).contains("Customer Contoso's overall health is Red, with groups 1, 2 & 3 being Red, Yellow "
                    + "and Red, respectively. I forecast to achieve a change in the overall customer health from Red "
                    + "to Yellow by the end of June 2021.");
            assertThat(all).contains("Customer Fabrikam's overall health is not yet measured", "No forecast has been set.");
            assertThat(all).contains("Executive sponsor call with the new CIO.", "Missing data:", "Asks of leadership");
            assertThat(all).doesNotContain("Missing data: Asks of leadership."); // Contoso's asks are written
            assertThat(all).contains("Zürich office blocked; ?? pilot paused ? now.");
            assertThat(all).contains("Page 1 of " + doc.getNumberOfPages(),
                    "Page " + doc.getNumberOfPages() + " of " + doc.getNumberOfPages());

            PDFTextStripper page2 = new PDFTextStripper();
            page2.setStartPage(2);
            page2.setEndPage(2);
            String contosoPage = flat(page2.getText(doc));
            assertThat(contosoPage).startsWith("Contoso Overall Red TPID 1001");
            for (BriefSection section : BriefSection.values()) {
                assertThat(contosoPage).contains(section.label());
            }
        }
    }

    @Test
    void theOverviewTableRunsOnToFurtherPagesWithItsHeader() throws IOException {
        MeetingPack one = pack();
        List<CustomerBrief> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            CustomerBrief b = one.briefs().get(i % 3);
            many.add(new CustomerBrief(10_000 + i, b.customerName() + " " + i, b.overall(), b.groups(), b.status(),
                    b.nextReview(), b.opening(), b.renewals(), b.business(), b.highlights(), b.lowlights(), b.risks(),
                    b.asks(), b.missing()));
        }
        Path file = dir.resolve("long.pdf");
        new PdfExporter().write(MeetingPack.of("Long review", MEETING, many), file);

        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PDFTextStripper page2 = new PDFTextStripper();
            page2.setStartPage(2);
            page2.setEndPage(2);
            String text = flat(page2.getText(doc));
            assertThat(text).contains("Overview (continued)", "Customer TPID Overall", "Contoso 57 10057");
        }
    }

    @Test
    void aBriefLongerThanAPageRunsOnUnderItsCustomersName() throws IOException {
        MeetingPack pack = pack();
        String longAsks = String.join("\n", java.util.Collections.nCopies(40,
                "- Please help us secure an executive sponsor for the Windows 10 rollout in every region."));
        MeetingPack longer = pack.withBrief(pack.briefs().get(0).with(BriefSection.ASKS, longAsks + "\n- The last ask."));
        Path file = dir.resolve("longer.pdf");
        new PdfExporter().write(longer, file);

        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PDFTextStripper page3 = new PDFTextStripper();
            page3.setStartPage(3);
            page3.setEndPage(3);
            String text = flat(page3.getText(doc));
            assertThat(text).startsWith("Contoso (continued) ").contains("The last ask.");
            assertThat(doc.getNumberOfPages()).isEqualTo(5);
        }
    }

    @Test
    void aLongTitleWrapsAndAVeryLongOneIsShortened() throws IOException {
        String title = "Americas, Canada, Latin America and the Caribbean Regional Customer Health Review for the "
                + "second half of the fiscal year with every nominated customer and a few more words to overflow";
        Path file = dir.resolve("title.pdf");
        new PdfExporter().write(MeetingPack.of(title, MEETING, List.of()), file);
        keepForInspection(file);

        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text.lines().takeWhile(line -> !line.startsWith("Customer Health Review meeting")))
                    .hasSize(3).last().asString().endsWith("\u2026");
            assertThat(flat(text)).startsWith("Americas, Canada, Latin America").contains("Overview");
        }
    }

    @Test
    void anEmptyPackStillExportsATitlePage() throws IOException {
        Path file = dir.resolve("empty.pdf");
        new PdfExporter().write(MeetingPack.of("", MEETING, List.of()), file);

        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(flat(new PDFTextStripper().getText(doc)))
                    .contains("Customer Health Review", "No customers have been nominated for this meeting.");
        }
    }

    @Test
    void htmlEscapesEverythingThePresenterOrTheDataWrote() throws IOException {
        String html = new HtmlExporter().render(pack());
        keepForInspection(Files.writeString(dir.resolve("pack.html"), html));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").doesNotContain("<script", "<link", "src=");
        assertThat(html).contains("Tailspin &lt;Toys&gt; &amp; &quot;Sons&quot; | Ltd");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; licences renew late");
        assertThat(html).contains("Won the **Intune** rollout &lt;b&gt;early&lt;/b&gt;");
        assertThat(html).contains("<li>Executive sponsor call with the new CIO.</li>");
        assertThat(html).contains("Customer Contoso&#39;s overall health is Red, with groups 1, 2 &amp; 3 being Red, "
                + "Yellow and Red, respectively.");
        assertThat(html).contains("<td class=\"c RED\">Red</td>", "<td class=\"c NONE\">No data</td>");
        assertThat(html).contains("東京 pilot paused \uD83D\uDE80\tnow.");
    }

    @Test
    void markdownEscapesFormattingAndTableColumns() throws IOException {
        String md = new MarkdownExporter().render(pack());
        keepForInspection(Files.writeString(dir.resolve("pack.md"), md));

        assertThat(md).startsWith("# Americas Customer Health Review\n");
        assertThat(md).contains("| Tailspin \\<Toys\\> & \"Sons\" \\| Ltd | 3003 | Green |");
        assertThat(md).contains("Won the \\*\\*Intune\\*\\* rollout \\<b\\>early\\</b\\> \\| ahead of plan.");
        assertThat(md).contains("### Asks of FastTrack leadership\n\n- Executive sponsor call with the new CIO.\n");
        assertThat(md).doesNotContain("\n\n\n");
        assertThat(md).contains("| Contoso | 1001 | Red | Red | Yellow | Red | In Progress | 17 May 2021 |");
        assertThat(md).contains("| Fabrikam | 2002 | No data | No data | No data | No data | Not set | **Not set** |");
    }

    @Test
    void aFailedExportLeavesTheEarlierFileAlone() throws IOException {
        Path file = dir.resolve("pack.html");
        Files.writeString(file, "earlier export");
        MeetingPackExporter failing = new MeetingPackExporter() {
            @Override
            public String extension() {
                return "html";
            }

            @Override
            public void write(MeetingPack pack, java.io.OutputStream out) throws IOException {
                out.write("half".getBytes());
                throw new IOException("disk full");
            }
        };

        assertThatThrownBy(() -> failing.write(pack(), file)).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("earlier export");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void editingABriefInThePackReplacesOnlyThatBrief() {
        MeetingPack pack = pack();
        CustomerBrief edited = pack.briefs().get(1).with(BriefSection.RENEWALS, "Renewal talks in July.");

        MeetingPack changed = pack.withBrief(edited);

        assertThat(changed.briefs().get(1).renewals()).isEqualTo("Renewal talks in July.");
        assertThat(changed.briefs().get(0)).isEqualTo(pack.briefs().get(0));
        assertThatThrownBy(() -> pack.withBrief(new CustomerBrief(1, "Nobody", java.util.Optional.empty(),
                java.util.Map.of(), java.util.Optional.empty(), java.util.Optional.empty(), "", "", "", "", "", "", "",
                List.of()))).hasMessageContaining("not in this meeting pack");
    }

    /** Set -Dftop.review.keep=DIR to look at the exported documents. */
    private static void keepForInspection(Path file) throws IOException {
        String keep = System.getProperty("ftop.review.keep");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.copy(file, Path.of(keep).resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void theDemoWorkspacesPackHasEveryCustomersBrief() throws IOException {
        LocalDate today = LocalDate.of(2021, 5, 3);
        Dataset demo = DatasetGenerator.demo(today);
        List<Long> all = demo.customers().stream().map(Customer::tpid).toList();
        List<CustomerBrief> briefs = new CustomerBriefs(HealthRules.defaults(), ZoneOffset.UTC)
                .of(all, new DatasetReviewSource(demo), today);

        Path file = dir.resolve("demo.pdf");
        new PdfExporter().write(MeetingPack.of("Demo review", today, briefs), file);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(doc.getNumberOfPages()).isGreaterThan(briefs.size());
            for (CustomerBrief brief : briefs) {
                assertThat(text).contains(brief.customerName() + " Overall ");
            }
        }
    }
}

package ftop.app.review.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.health.HealthRules;
import ftop.core.review.BriefSection;
import ftop.core.review.CustomerBrief;
import ftop.core.review.CustomerBriefs;
import ftop.core.review.DatasetReviewSource;
import ftop.core.review.MeetingPack;
import ftop.core.review.ReviewItem;
import ftop.core.review.ReviewQueue;
import ftop.core.review.ReviewSource;
import ftop.core.review.ReviewWorld;
import ftop.core.validation.Contoso;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

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
    void thePdfOpensAndHoldsTheOverviewAndEveryBriefOnAPageEach() throws IOException {
        Path file = dir.resolve("pack.pdf");
        new PdfExporter().write(pack(), file);
        keepForInspection(file);

        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(4);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Americas Customer Health Review");
            assertThat(doc.getDocumentInformation().getSubject())
                    .isEqualTo("Customer Health Review meeting of 3 May 2021 \u00b7 3 customers");
            assertThat(doc.getDocumentInformation().getCreator()).isEqualTo("FTOP Desktop");
            // Tagged for screen readers, in the pack's language.
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot().getKids()).isNotEmpty();
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
            assertThat(doc.getDocumentCatalog().getDocumentOutline().children())
                    .extracting(item -> item.getTitle())
                    .containsExactly("Overview", "Contoso (1001)", "Fabrikam (2002)",
                            "Tailspin <Toys> & \"Sons\" | Ltd (3003)");

            String all = flat(new PDFTextStripper().getText(doc));
            assertThat(all).contains("Customer Health Review meeting of 3 May 2021 \u00b7 3 customers", "Overview",
                    "Customer TPID Overall Group 1 Group 2 Group 3 Status Next review");
            assertThat(all).contains("Customer Contoso's overall health is Red, with groups 1, 2 & 3 being Red, Yellow "
                    + "and Red, respectively. I forecast to achieve a change in the overall customer health from Red "
                    + "to Yellow by the end of June 2021.");
            assertThat(all).contains("Customer Fabrikam's overall health is not yet measured", "No forecast has been set.");
            assertThat(all).contains("Executive sponsor call with the new CIO.", "Missing data:", "Asks of leadership");
            assertThat(all).doesNotContain("Missing data: Asks of leadership."); // Contoso's asks are written
            // Presenters' text prints as typed, in any script; only the emoji, which no embedded font has, is a "?".
            assertThat(all).contains("<script>alert('x')</script> licences renew late; Z\u00fcrich office blocked; "
                    + "\u6771\u4eac pilot paused ? now.");
            assertThat(all).contains("Page 1 of 4", "Page 4 of 4").doesNotContain("(continued)");

            String contosoPage = flat(pageText(doc, 2));
            assertThat(contosoPage).contains("Contoso TPID 1001 Overall Red Group 1: Red Group 2: Yellow Group 3: Red "
                    + "Status: In Progress \u00b7 Next review: 17 May 2021");
            for (BriefSection section : BriefSection.values()) {
                assertThat(contosoPage).contains(section.label());
            }
        }
    }

    @Test
    void namesInAnyScriptPrintAsWrittenInEmbeddedFonts() throws IOException {
        List<String> names = List.of("Soci\u00e9t\u00e9 G\u00e9n\u00e9rale", "M\u00fcller & S\u00f6hne",
                "\u682a\u5f0f\u4f1a\u793e \u6771\u4eac", "\u0141\u00f3d\u017a Logistics",
                "\u041c\u043e\u0441\u043a\u0432\u0430 \u0394\u03ad\u03bb\u03c4\u03b1",
                "\uc0bc\uc131 \ud55c\uad6d", "\u5317\u4eac\u5e02\u653f\u5e9c");
        CustomerBrief model = pack().briefs().get(0);
        List<CustomerBrief> briefs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            briefs.add(renamed(model, 5000 + i, names.get(i))
                    .with(BriefSection.ASKS, "- Call " + names.get(i) + "'s CIO, Zo\u00eb \u0141ukasiewicz."));
        }
        Path file = dir.resolve("names.pdf");
        new PdfExporter().write(MeetingPack.of("Revue \u00e0 \u0141\u00f3d\u017a", MEETING, briefs), file);
        keepForInspection(file);

        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            String all = new PDFTextStripper().getText(doc);
            assertThat(all).contains("Revue \u00e0 \u0141\u00f3d\u017a").doesNotContain("?");
            for (String name : names) {
                assertThat(all).contains(name + " TPID", "Call " + name + "'s CIO, Zo\u00eb \u0141ukasiewicz.");
            }
            assertThat(embeddedFonts(doc)).containsExactlyInAnyOrder("NotoSans-Regular", "NotoSans-Bold",
                    "DroidSansFallback");
        }
    }

    @Test
    void threeCustomersOfAPortfolioTakeACoverAndAPageEach() throws IOException {
        // The three most urgent customers of the generated S1500 portfolio: long briefs, every part filled.
        LocalDate today = LocalDate.of(2021, 5, 3);
        Dataset data = DatasetGenerator.generate(DatasetGenerator.Scale.S1500, 42, today);
        ReviewSource source = new DatasetReviewSource(data);
        List<Long> urgent = new ReviewQueue(HealthRules.defaults(), ZoneOffset.UTC).build(source, today).stream()
                .limit(3).map(ReviewItem::tpid).toList();
        List<CustomerBrief> briefs = new CustomerBriefs(HealthRules.defaults(), ZoneOffset.UTC).of(urgent, source, today);
        Path file = dir.resolve("three.pdf");
        new PdfExporter().write(MeetingPack.of("Americas Customer Health Review", today, briefs), file);
        keepForInspection(file);

        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(4);
            for (int i = 0; i < briefs.size(); i++) {
                String page = flat(pageText(doc, i + 2));
                CustomerBrief brief = briefs.get(i);
                assertThat(page).contains(brief.customerName() + " TPID " + brief.tpid())
                        .contains(BriefSection.OPENING.label(), BriefSection.ASKS.label(), "Missing data:")
                        .contains(flat(brief.heading(BriefSection.SINCE_REVIEW)))
                        .doesNotContain("(continued)");
            }
            // Latin text only: the CJK font is not even loaded.
            assertThat(embeddedFonts(doc)).containsExactlyInAnyOrder("NotoSans-Regular", "NotoSans-Bold");
        }
    }

    @Test
    void theOverviewTableRunsOnToFurtherPagesWithItsHeader() throws IOException {
        MeetingPack one = pack();
        List<CustomerBrief> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            CustomerBrief b = one.briefs().get(i % 3);
            many.add(renamed(b, 10_000 + i, b.customerName() + " " + i));
        }
        Path file = dir.resolve("long.pdf");
        new PdfExporter().write(MeetingPack.of("Long review", MEETING, many), file);

        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2 + 60);
            String first = flat(pageText(doc, 1));
            String second = flat(pageText(doc, 2));
            assertThat(first).contains("Contoso 0 10000").doesNotContain("(continued)", "10059");
            assertThat(second).startsWith("Overview (continued)")
                    .contains("Customer TPID Overall Group 1", "Contoso 57 10057", "Colours are measured");
            assertThat(flat(pageText(doc, 3))).doesNotContain("(continued)").contains("Contoso 0 TPID 10000");
        }
    }

    @Test
    void aBriefLongerThanAPageRunsOnUnderItsCustomersName() throws IOException {
        MeetingPack pack = pack();
        String longAsks = String.join("\n", java.util.Collections.nCopies(70,
                "- Please help us secure an executive sponsor for the Windows 10 rollout in every region."));
        MeetingPack longer = pack.withBrief(pack.briefs().get(0).with(BriefSection.ASKS, longAsks + "\n- The last ask."));
        Path file = dir.resolve("longer.pdf");
        new PdfExporter().write(longer, file);
        keepForInspection(file);

        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(5);
            assertThat(flat(pageText(doc, 2))).doesNotContain("(continued)");
            assertThat(flat(pageText(doc, 3))).startsWith("Contoso (continued) ").contains("The last ask.");
            assertThat(flat(pageText(doc, 4))).doesNotContain("(continued)").contains("Fabrikam TPID 2002");
        }
    }

    @Test
    void aLongTitleWrapsOnTheCoverAndIsShortenedAtThePagesFoot() throws IOException {
        String title = "Americas, Canada, Latin America and the Caribbean Regional Customer Health Review for the "
                + "second half of the fiscal year with every nominated customer and a few more words to overflow";
        Path file = dir.resolve("title.pdf");
        new PdfExporter().write(MeetingPack.of(title, MEETING, List.of()), file);
        keepForInspection(file);

        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = flat(new PDFTextStripper().getText(doc));
            assertThat(text).contains(title + " Customer Health Review meeting of 3 May 2021", "Overview");
            assertThat(text).contains("Americas, Canada, Latin America and the Caribbean Regional Customer Health Review "
                    + "for the\u2026 Page 1 of 1");
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
    void everyHealthChipMeetsWcagAaContrastInHtmlAndPdf() {
        assertThat(HealthChip.contrast("#ffffff", "#000000")).isCloseTo(21.0, within(0.01));
        assertThat(HealthChip.contrast("#ffffff", HealthChip.YELLOW.background())).isLessThan(4.5); // why not white
        String html = new HtmlExporter().render(pack());
        String pdfHtml = HtmlExporter.render(pack(), HtmlExporter.Medium.PDF);
        Matcher rule = Pattern.compile("\\.([A-Z]+)\\{background:(#[0-9a-f]{6})!important;color:(#[0-9a-f]{6})}")
                .matcher(html);
        List<String> styled = new ArrayList<>();
        while (rule.find()) {
            styled.add(rule.group(1));
            assertThat(HealthChip.contrast(rule.group(2), rule.group(3))).as(rule.group()).isGreaterThanOrEqualTo(4.5);
            assertThat(pdfHtml).contains(rule.group());
        }
        assertThat(styled).containsExactlyInAnyOrder("RED", "YELLOW", "GREEN", "BLUE", "NONE");
        for (HealthChip chip : HealthChip.values()) {
            assertThat(chip.contrastRatio()).as(chip.name()).isGreaterThanOrEqualTo(4.5);
        }
        assertThat(html).contains("<span class=\"chip YELLOW\">Group 2: Yellow</span>",
                "<td class=\"c YELLOW\">Yellow</td>");
    }

    @Test
    void theHtmlIsWellFormedXmlSoThePdfLaysOutTheSamePage() throws Exception {
        for (String html : List.of(new HtmlExporter().render(pack()), HtmlExporter.render(pack(), HtmlExporter.Medium.PDF),
                new HtmlExporter().render(MeetingPack.of("Nul\u0000 \uD800 title", MEETING, List.of())))) {
            org.w3c.dom.Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(html)));
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
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

    private static String pageText(PDDocument doc, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(doc);
    }

    /** The fonts the pages use, without subset prefixes; each must be embedded. */
    private static java.util.Set<String> embeddedFonts(PDDocument doc) throws IOException {
        java.util.Set<String> fonts = new java.util.HashSet<>();
        for (int p = 0; p < doc.getNumberOfPages(); p++) {
            PDResources resources = doc.getPage(p).getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                fonts.add(font.getName().substring(font.getName().indexOf('+') + 1));
            }
        }
        return fonts;
    }

    private static CustomerBrief renamed(CustomerBrief b, long tpid, String name) {
        return new CustomerBrief(tpid, name, b.overall(), b.groups(), b.status(), b.nextReview(), b.opening(),
                b.renewals(), b.business(), b.highlights(), b.lowlights(), b.risks(), b.asks(), b.missing());
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
            // Every brief of the demo portfolio fits on its own page.
            assertThat(doc.getNumberOfPages()).isEqualTo(briefs.size() + 1);
            assertThat(text).doesNotContain("(continued)");
            for (CustomerBrief brief : briefs) {
                assertThat(text).contains(brief.customerName() + " TPID " + brief.tpid() + " Overall ");
            }
        }
    }
}

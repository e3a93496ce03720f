package ftop.app.review.export;

import ftop.core.health.CustomerStatus;
import ftop.core.health.HealthColour;
import ftop.core.health.WorkloadGroup;
import ftop.core.review.BriefSection;
import ftop.core.review.CustomerBrief;
import ftop.core.review.MeetingPack;
import ftop.core.review.OverviewRow;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * Writes a meeting pack as a PDF with Apache PDFBox: a title page with the overview table (health colours
 * as coloured cells, status, next review; continued with its header on further pages when long), then one
 * brief per customer starting on a new page, with headings, wrapped text, bullet points, the missing data
 * named in a box, bookmarks per customer and "Page n of m" on every page.
 *
 * <p>Text is set in the PDF standard Helvetica, which every reader has, so nothing needs embedding and
 * the file stays small. Helvetica covers Western European text (WinAnsi); a character outside it (e.g.
 * Chinese, emoji) is printed as "?" rather than failing the export. Use the HTML export for such text.
 */
public final class PdfExporter implements MeetingPackExporter {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float TOP = PAGE.getHeight() - 56;
    private static final float BOTTOM = 58;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;

    private static final float[] NAVY = rgb(0x1f3864);
    private static final float[] TEXT = rgb(0x1f2937);
    private static final float[] GREY = rgb(0x6b7280);
    private static final float[] RULE = rgb(0xd1d5db);
    private static final float[] STRIPE = rgb(0xf3f6fa);
    private static final float[] WHITE = rgb(0xffffff);
    private static final float[] NO_DATA = rgb(0xe5e7eb);
    private static final float[] NO_DATA_TEXT = rgb(0x4b5563);
    private static final float[] OVERDUE = rgb(0xc62828);
    private static final float[] NOTE_FILL = rgb(0xfff8e1);
    private static final float[] NOTE_BAR = rgb(0xf9a825);

    /** Overview columns: customer, TPID, overall, three groups, status, next review. */
    private static final float[] COLUMNS = {124, 52, 42, 42, 42, 42, 84, 67};
    private static final String[] HEADERS = {"Customer", "TPID", "Overall", "Group 1", "Group 2", "Group 3", "Status",
        "Next review"};

    @Override
    public String extension() {
        return "pdf";
    }

    @Override
    public void write(MeetingPack pack, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            Layout layout = new Layout(doc);
            try {
                titleAndOverview(layout, pack);
                PDDocumentOutline outline = new PDDocumentOutline();
                doc.getDocumentCatalog().setDocumentOutline(outline);
                PDOutlineItem overviewMark = new PDOutlineItem();
                overviewMark.setTitle("Overview");
                overviewMark.setDestination(destination(doc.getPage(0)));
                outline.addLast(overviewMark);
                for (CustomerBrief brief : pack.briefs()) {
                    layout.continuation = null;
                    layout.newPage();
                    layout.continuation = brief.customerName() + " (continued)";
                    PDOutlineItem mark = new PDOutlineItem();
                    mark.setTitle(brief.customerName() + " (" + brief.tpid() + ")");
                    mark.setDestination(destination(layout.page));
                    outline.addLast(mark);
                    brief(layout, brief, pack);
                }
            } finally {
                layout.close();
            }
            footers(layout, pack.title());
            doc.getDocumentInformation().setTitle(pack.title());
            doc.getDocumentInformation().setSubject("Customer Health Review meeting pack, " + BriefText.day(pack.date()));
            doc.getDocumentInformation().setCreator("FTOP Desktop");
            doc.save(out);
        }
    }

    private static PDPageFitWidthDestination destination(PDPage page) {
        PDPageFitWidthDestination d = new PDPageFitWidthDestination();
        d.setPage(page);
        d.setTop((int) PAGE.getHeight());
        return d;
    }

    // ---------------------------------------------------------------- title page and overview

    private static void titleAndOverview(Layout l, MeetingPack pack) throws IOException {
        l.newPage();
        // The band grows with the title, which wraps onto at most three lines.
        List<String> titleLines = l.wrap(l.bold, 24, pack.title(), WIDTH);
        if (titleLines.size() > 3) {
            String rest = String.join(" ", titleLines.subList(2, titleLines.size()));
            titleLines = List.of(titleLines.get(0), titleLines.get(1), l.fit(l.bold, 24, rest, WIDTH));
        }
        float bandHeight = 102 + 28 * titleLines.size();
        l.fill(0, PAGE.getHeight() - bandHeight, PAGE.getWidth(), bandHeight, NAVY);
        float y = PAGE.getHeight() - 62;
        for (String line : titleLines) {
            l.text(l.bold, 24, MARGIN, y, line, WHITE);
            y -= 28;
        }
        int n = pack.briefs().size();
        l.text(l.regular, 12, MARGIN, PAGE.getHeight() - bandHeight + 22,
                "Customer Health Review meeting of " + BriefText.day(pack.date()) + "  \u00b7  " + n
                        + (n == 1 ? " customer" : " customers"), WHITE);
        l.y = PAGE.getHeight() - bandHeight - 34;

        l.text(l.bold, 14, MARGIN, l.y, "Overview", NAVY);
        l.y -= 12;
        if (pack.overview().isEmpty()) {
            l.y -= 14;
            l.text(l.regular, 10.5f, MARGIN, l.y, "No customers have been nominated for this meeting.", GREY);
            return;
        }
        tableHeader(l);
        float rowHeight = 19;
        for (int i = 0; i < pack.overview().size(); i++) {
            if (l.y - rowHeight < BOTTOM) {
                l.newPage();
                l.text(l.bold, 14, MARGIN, l.y, "Overview (continued)", NAVY);
                l.y -= 12;
                tableHeader(l);
            }
            overviewRow(l, pack.overview().get(i), i, rowHeight);
        }
        l.y -= 16;
        for (String line : l.wrap(l.regular, 8.5f, "Colours are measured from workload usage under the health rules; "
                + "\"No data\" means no usage is recorded for that group. Next review dates in red have passed or are "
                + "not set.", WIDTH)) {
            l.text(l.regular, 8.5f, MARGIN, l.y, line, GREY);
            l.y -= 11;
        }
    }

    private static void tableHeader(Layout l) throws IOException {
        float h = 20;
        l.fill(MARGIN, l.y - h, WIDTH, h, NAVY);
        float x = MARGIN;
        for (int c = 0; c < COLUMNS.length; c++) {
            l.text(l.bold, 8.5f, x + 5, l.y - 13.5f, HEADERS[c], WHITE);
            x += COLUMNS[c];
        }
        l.y -= h;
    }

    private static void overviewRow(Layout l, OverviewRow row, int index, float h) throws IOException {
        float top = l.y;
        if (index % 2 == 1) {
            l.fill(MARGIN, top - h, WIDTH, h, STRIPE);
        }
        float baseline = top - 13;
        float x = MARGIN;
        l.text(l.regular, 9, x + 5, baseline, l.fit(l.regular, 9, row.customerName(), COLUMNS[0] - 10), TEXT);
        x += COLUMNS[0];
        l.text(l.regular, 9, x + 5, baseline, Long.toString(row.tpid()), TEXT);
        x += COLUMNS[1];
        List<Optional<HealthColour>> colours = List.of(row.overall(), row.group1(), row.group2(), row.group3());
        for (int c = 0; c < colours.size(); c++) {
            colourCell(l, x + 3, top - h + 3, COLUMNS[2 + c] - 6, h - 6, colours.get(c), c == 0);
            x += COLUMNS[2 + c];
        }
        l.text(l.regular, 8.5f, x + 5, baseline,
                l.fit(l.regular, 8.5f, row.status().map(CustomerStatus::label).orElse("Not set"), COLUMNS[6] - 10),
                row.status().isPresent() ? TEXT : GREY);
        x += COLUMNS[6];
        String next = row.nextReview().map(BriefText.SHORT_DAY::format).orElse("Not set");
        l.text(row.reviewOverdue() ? l.bold : l.regular, 8.5f, x + 5, baseline, next,
                row.reviewOverdue() ? OVERDUE : TEXT);
        l.line(MARGIN, top - h, MARGIN + WIDTH, top - h, RULE, 0.5f);
        l.y -= h;
    }

    private static void colourCell(Layout l, float x, float y, float w, float h, Optional<HealthColour> colour,
            boolean bold) throws IOException {
        l.fill(x, y, w, h, colour.map(PdfExporter::fillOf).orElse(NO_DATA));
        PDFont font = colour.isPresent() && bold ? l.bold : l.regular;
        String label = colour.map(HealthColour::label).orElse("No data");
        float size = 8.5f;
        float tw = l.width(font, size, label);
        l.text(font, size, x + (w - tw) / 2, y + (h - size) / 2 + 1.8f, label,
                colour.map(PdfExporter::textOn).orElse(NO_DATA_TEXT));
    }

    // ---------------------------------------------------------------- one brief

    private static void brief(Layout l, CustomerBrief brief, MeetingPack pack) throws IOException {
        // Name on the left, overall colour as a chip on the right.
        String chip = "Overall " + brief.overall().map(HealthColour::label).orElse("not measured");
        float chipWidth = l.width(l.bold, 10, chip) + 20;
        for (String line : l.wrap(l.bold, 20, brief.customerName(), WIDTH - chipWidth - 12)) {
            l.text(l.bold, 20, MARGIN, l.y, line, NAVY);
            l.y -= 24;
        }
        float chipTop = TOP + 17;
        l.fill(MARGIN + WIDTH - chipWidth, chipTop - 20, chipWidth, 20, brief.overall().map(PdfExporter::fillOf).orElse(NO_DATA));
        l.text(l.bold, 10, MARGIN + WIDTH - chipWidth + 10, chipTop - 13.5f, chip,
                brief.overall().map(PdfExporter::textOn).orElse(NO_DATA_TEXT));

        String facts = "TPID " + brief.tpid() + "  \u00b7  Status: "
                + brief.status().map(CustomerStatus::label).orElse("not set") + "  \u00b7  Next review: "
                + brief.nextReview().map(BriefText::day).orElse("not set")
                + (brief.reviewOverdueOn(pack.date()) ? " (overdue)" : "");
        l.text(l.regular, 9.5f, MARGIN, l.y + 4, l.fit(l.regular, 9.5f, facts, WIDTH), GREY);
        l.y -= 14;

        float x = MARGIN;
        for (WorkloadGroup group : WorkloadGroup.values()) {
            Optional<HealthColour> c = brief.group(group);
            String label = group.label() + ": " + c.map(HealthColour::label).orElse("no data");
            float w = l.width(l.regular, 8.5f, label) + 14;
            l.fill(x, l.y - 5, w, 15, c.map(PdfExporter::fillOf).orElse(NO_DATA));
            l.text(l.regular, 8.5f, x + 7, l.y - 0.5f, label, c.map(PdfExporter::textOn).orElse(NO_DATA_TEXT));
            x += w + 6;
        }
        l.y -= 16;
        l.line(MARGIN, l.y, MARGIN + WIDTH, l.y, NAVY, 1.2f);
        l.y -= 8;

        for (BriefSection section : BriefSection.values()) {
            // Room for the heading and two lines, so a heading never ends a page alone.
            l.ensure(58);
            l.y -= 25;
            l.text(l.bold, 11.5f, MARGIN, l.y, section.label(), NAVY);
            l.y -= 3;
            List<BriefText.Block> blocks = BriefText.blocks(brief.text(section));
            if (blocks.isEmpty()) {
                blocks = List.of(new BriefText.Block(false, "(left blank)"));
            }
            for (BriefText.Block block : blocks) {
                paragraph(l, block);
            }
        }
        if (!brief.missing().isEmpty()) {
            missingBox(l, "Missing data: " + String.join("; ", brief.missing()) + ".");
        }
    }

    private static final float BODY = 10;
    private static final float LEADING = 13.6f;

    private static void paragraph(Layout l, BriefText.Block block) throws IOException {
        float indent = block.bullet() ? 14 : 0;
        List<String> lines = l.wrap(l.regular, BODY, block.text(), WIDTH - indent);
        l.y -= 3;
        for (int i = 0; i < lines.size(); i++) {
            l.ensure(LEADING);
            l.y -= LEADING;
            if (i == 0 && block.bullet()) {
                l.text(l.regular, BODY, MARGIN + 3, l.y, "\u2022", NAVY);
            }
            l.text(l.regular, BODY, MARGIN + indent, l.y, lines.get(i), TEXT);
        }
    }

    private static void missingBox(Layout l, String text) throws IOException {
        List<String> lines = l.wrap(l.regular, 9, text, WIDTH - 24);
        float h = lines.size() * 12 + 12;
        l.y -= 14;
        l.ensure(h);
        l.fill(MARGIN, l.y - h, WIDTH, h, NOTE_FILL);
        l.fill(MARGIN, l.y - h, 3.5f, h, NOTE_BAR);
        float y = l.y - 15;
        for (String line : lines) {
            l.text(l.regular, 9, MARGIN + 14, y, line, TEXT);
            y -= 12;
        }
        l.y -= h;
    }

    // ---------------------------------------------------------------- footers

    private static void footers(Layout l, String title) throws IOException {
        int pages = l.doc.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage page = l.doc.getPage(i);
            try (PDPageContentStream cs = new PDPageContentStream(l.doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                l.cs = cs;
                l.line(MARGIN, 42, MARGIN + WIDTH, 42, RULE, 0.5f);
                l.text(l.regular, 8, MARGIN, 30, l.fit(l.regular, 8, title, WIDTH - 90), GREY);
                String number = "Page " + (i + 1) + " of " + pages;
                l.text(l.regular, 8, MARGIN + WIDTH - l.width(l.regular, 8, number), 30, number, GREY);
            } finally {
                l.cs = null;
            }
        }
    }

    // ---------------------------------------------------------------- colours

    private static float[] fillOf(HealthColour colour) {
        return switch (colour) {
            case RED -> rgb(0xc62828);
            case YELLOW -> rgb(0xf9a825);
            case GREEN -> rgb(0x2e7d32);
            case BLUE -> rgb(0x1565c0);
        };
    }

    /** White reads best on every colour but yellow. */
    private static float[] textOn(HealthColour colour) {
        return colour == HealthColour.YELLOW ? TEXT : WHITE;
    }

    private static float[] rgb(int hex) {
        return new float[] {((hex >> 16) & 0xff) / 255f, ((hex >> 8) & 0xff) / 255f, (hex & 0xff) / 255f};
    }

    // ---------------------------------------------------------------- page state and drawing

    /** The page being drawn on, the pen's vertical position and the fonts. */
    private static final class Layout {
        final PDDocument doc;
        final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        /** Whether each character can be set in Helvetica, learnt once per character. */
        private final Map<Character, Boolean> encodable = new HashMap<>();
        private final Map<Character, Float> regularWidths = new HashMap<>();
        private final Map<Character, Float> boldWidths = new HashMap<>();
        PDPage page;
        PDPageContentStream cs;
        float y;
        /** Printed at the top of a page a brief runs on to, so a loose page still says whose it is. */
        String continuation;

        Layout(PDDocument doc) {
            this.doc = doc;
        }

        void newPage() throws IOException {
            close();
            page = new PDPage(PAGE);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = TOP;
        }

        /** A new page for the rest of the current brief, headed with its customer. */
        void continuePage() throws IOException {
            newPage();
            if (continuation != null) {
                text(bold, 10, MARGIN, y + 6, fit(bold, 10, continuation, WIDTH), GREY);
                line(MARGIN, y - 1, MARGIN + WIDTH, y - 1, RULE, 0.5f);
                y -= 14;
            }
        }

        /** Starts a new page unless {@code height} still fits above the bottom margin. */
        void ensure(float height) throws IOException {
            if (y - height < BOTTOM) {
                continuePage();
            }
        }

        void close() throws IOException {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }

        void text(PDFont font, float size, float x, float baseline, String s, float[] colour) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.setNonStrokingColor(colour[0], colour[1], colour[2]);
            cs.newLineAtOffset(x, baseline);
            cs.showText(printable(s));
            cs.endText();
        }

        void fill(float x, float y0, float w, float h, float[] colour) throws IOException {
            cs.setNonStrokingColor(colour[0], colour[1], colour[2]);
            cs.addRect(x, y0, w, h);
            cs.fill();
        }

        void line(float x0, float y0, float x1, float y1, float[] colour, float width) throws IOException {
            cs.setStrokingColor(colour[0], colour[1], colour[2]);
            cs.setLineWidth(width);
            cs.moveTo(x0, y0);
            cs.lineTo(x1, y1);
            cs.stroke();
        }

        /**
         * The width of {@code s} in points. Glyph widths are looked up once per font and character and
         * then added up, since wrapping measures the same characters over and over.
         */
        float width(PDFont font, float size, String s) throws IOException {
            Map<Character, Float> widths = font == bold ? boldWidths : regularWidths;
            String p = printable(s);
            float units = 0;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                Float w = widths.get(c);
                if (w == null) {
                    w = font.getStringWidth(String.valueOf(c));
                    widths.put(c, w);
                }
                units += w;
            }
            return units / 1000f * size;
        }

        /** {@code s}, shortened with an ellipsis when wider than {@code max}. */
        String fit(PDFont font, float size, String s, float max) throws IOException {
            if (width(font, size, s) <= max) {
                return s;
            }
            String cut = s;
            while (!cut.isEmpty() && width(font, size, cut + "\u2026") > max) {
                cut = cut.substring(0, cut.length() - 1);
            }
            return cut.stripTrailing() + "\u2026";
        }

        /** Breaks {@code s} into lines no wider than {@code max}, at spaces, or inside a word too long for a line. */
        List<String> wrap(PDFont font, float size, String s, float max) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            float space = width(font, size, " ");
            for (String word : s.strip().split("\\s+")) {
                float wordWidth = width(font, size, word);
                if (line.isEmpty() ? wordWidth <= max : lineWidth + space + wordWidth <= max) {
                    lineWidth += (line.isEmpty() ? 0 : space) + wordWidth;
                    line.append(line.isEmpty() ? "" : " ").append(word);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                while (wordWidth > max) {
                    int cut = word.length() - 1;
                    while (cut > 1 && width(font, size, word.substring(0, cut)) > max) {
                        cut--;
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                    wordWidth = width(font, size, word);
                }
                line.append(word);
                lineWidth = wordWidth;
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        /** {@code s} with what Helvetica cannot print replaced: control characters by spaces, others by "?". */
        String printable(String s) {
            StringBuilder out = null;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                char replacement = c;
                boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1));
                if (c < 0x20 || c == 0x7f) {
                    replacement = ' ';
                } else if (!encodable.computeIfAbsent(c, this::canEncode)) {
                    replacement = '?';
                }
                if (replacement != c && out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
                if (out != null) {
                    out.append(replacement);
                }
                if (pair) {
                    i++; // one "?" for a character outside the Basic Multilingual Plane, such as an emoji
                }
            }
            return out == null ? s : out.toString();
        }

        private boolean canEncode(char c) {
            if (Character.isSurrogate(c)) {
                return false;
            }
            try {
                regular.encode(String.valueOf(c));
                bold.encode(String.valueOf(c));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}

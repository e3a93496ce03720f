package ftop.app.review.export;

import ftop.app.widgets.HealthPalette;
import ftop.core.health.CustomerStatus;
import ftop.core.health.HealthColour;
import ftop.core.health.WorkloadGroup;
import ftop.core.review.BriefSection;
import ftop.core.review.CustomerBrief;
import ftop.core.review.MeetingPack;
import ftop.core.review.OverviewRow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Writes a meeting pack as one self-contained HTML page: styles inline in the page, no scripts, no
 * external resources, so it opens anywhere and prints with one brief per page. Every piece of text is
 * escaped; what a presenter typed can never become markup.
 *
 * <p>The markup is also well-formed XML (void elements closed, no named entities but XML's own), so
 * {@link PdfExporter} lays out the very same page as a PDF.
 */
public final class HtmlExporter implements MeetingPackExporter {

    /** Where the page is going: a browser, or the PDF layout (page furniture, bookmarks, fonts). */
    enum Medium { BROWSER, PDF }

    private static final String CSS = """
            body{font-family:"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;color:#1f2937;margin:2rem auto;\
            max-width:60rem;line-height:1.45;padding:0 1rem}
            h1{color:#1f3864;margin-bottom:.2rem}
            h2{color:#1f3864;border-bottom:2px solid #1f3864;padding-bottom:.2rem;margin-top:2.5rem}
            h3{color:#1f3864;font-size:1rem;margin:1.2rem 0 .3rem}
            a{color:#1f3864}
            .sub{color:#6b7280;margin-top:0}
            h2 .sub{font-weight:400}
            .facts{color:#4b5563;margin:.3rem 0}
            table{border-collapse:collapse;width:100%;font-size:.9rem}
            th{background:#1f3864;color:#fff;text-align:left;padding:.35rem .5rem}
            td{border-bottom:1px solid #e5e7eb;padding:.3rem .5rem}
            tr:nth-child(even) td{background:#f8fafc}
            td.c{text-align:center;font-weight:600}
            CHIPS
            .NONE{font-weight:400}
            .chip{display:inline-block;border-radius:.8rem;padding:.1rem .7rem;font-size:.85rem;font-weight:600;\
            margin:0 .3rem .2rem 0}
            .overdue{color:OVERDUE;font-weight:600}
            .note{color:#4b5563;font-size:.8rem;margin-top:.8rem}
            .blank{color:#6b7280}
            .missing{background:#fff8e1;border-left:4px solid #f9a825;padding:.5rem .8rem;margin-top:1.2rem}
            .brief{page-break-before:always}
            .part{page-break-inside:avoid}
            h3{page-break-after:avoid}
            ul{margin:.2rem 0 .2rem 1.2rem;padding:0}
            p{margin:.2rem 0}
            thead{display:table-header-group}
            tr{page-break-inside:avoid}
            @media print{body{margin:0;max-width:none}h2{margin-top:0}}
            """.replace("CHIPS", chipRules())
            .replace("OVERDUE", HealthPalette.RED.in(HealthPalette.Medium.PRINT).accent());

    /**
     * The PDF's own rules: A4 pages with the title and "Page n of m" at their foot, the customer's name
     * atop every page a brief runs on to, the embedded fonts, and sizes that keep a brief on one page.
     */
    private static final String PDF_CSS = """
            @page{size:A4;margin:14mm 15mm 16mm 15mm;\
            @top-left{content:element(continued, start);vertical-align:bottom;padding-bottom:2mm}\
            @bottom-left{content:element(footer);vertical-align:top;padding-top:3mm}\
            @bottom-right{content:"Page " counter(page) " of " counter(pages);font-family:"Noto Sans";\
            font-size:7.5pt;color:#6b7280;vertical-align:top;padding-top:3mm;white-space:nowrap}}
            body{font-family:"Noto Sans";font-size:9pt;line-height:1.32;margin:0;padding:0;max-width:none}
            h1{font-size:20pt;line-height:1.2;margin:0 0 2pt 0}
            h2{font-size:14pt;line-height:1.25;margin:0 0 3pt 0;padding-bottom:2pt}
            h3{font-size:10pt;margin:7pt 0 1pt 0}
            table{font-size:8pt;-fs-table-paginate:paginate;-fs-page-break-min-height:1.5cm}
            th{padding:3pt 4pt}
            td{padding:2.5pt 4pt}
            .chip{font-size:8pt;padding:1pt 6pt;border-radius:7pt;margin:0 3pt 1pt 0}
            .facts{margin:2pt 0}
            .note{font-size:7.5pt;margin-top:6pt}
            .missing{padding:4pt 8pt;margin-top:8pt;font-size:8.5pt;page-break-inside:avoid}
            ul{margin:1pt 0 1pt 12pt}
            p{margin:1pt 0}
            .footer{position:running(footer);font-size:7.5pt;color:#6b7280;white-space:nowrap;overflow:hidden}
            .continued{position:running(continued);font-size:8pt;font-weight:700;color:#6b7280}
            """;

    /** A title longer than this is shortened at the foot of the PDF's pages, where it shares a line. */
    private static final int FOOTER_TITLE = 90;

    @Override
    public String extension() {
        return "html";
    }

    @Override
    public void write(MeetingPack pack, OutputStream out) throws IOException {
        out.write(render(pack).getBytes(StandardCharsets.UTF_8));
    }

    /** The whole page as text. */
    public String render(MeetingPack pack) {
        return render(pack, Medium.BROWSER);
    }

    /** The whole page as text, for {@code medium}. */
    static String render(MeetingPack pack, Medium medium) {
        boolean pdf = medium == Medium.PDF;
        StringBuilder h = new StringBuilder(8192 + pack.briefs().size() * 4096);
        int n = pack.briefs().size();
        String meeting = "Customer Health Review meeting of " + BriefText.day(pack.date()) + " \u00b7 " + n
                + (n == 1 ? " customer" : " customers");
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(escape(pack.title())).append("</title>\n");
        if (pdf) {
            h.append("<meta name=\"subject\" content=\"").append(escape(meeting)).append("\"/>\n");
            bookmarks(h, pack);
        }
        h.append("<style>\n").append(CSS).append("</style>\n");
        if (pdf) {
            h.append("<style>\n").append(PDF_CSS).append("</style>\n");
        }
        h.append("</head>\n<body>\n");
        if (pdf) {
            h.append("<div class=\"footer\">").append(escape(shortened(pack.title(), FOOTER_TITLE))).append("</div>\n");
        }
        h.append("<h1>").append(escape(pack.title())).append("</h1>\n");
        h.append("<p class=\"sub\">").append(escape(meeting)).append("</p>\n");
        h.append("<h2 id=\"overview\">Overview</h2>\n");
        continued(h, pdf, "Overview");
        overview(h, pack.overview());
        continued(h, pdf, null);
        for (CustomerBrief brief : pack.briefs()) {
            brief(h, brief, pack, pdf);
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static String chipRules() {
        StringBuilder rules = new StringBuilder();
        for (HealthChip chip : HealthChip.values()) {
            rules.append(chip.cssRule()).append('\n');
        }
        return rules.toString().strip();
    }

    /** The PDF's outline: the overview, then each customer. */
    private static void bookmarks(StringBuilder h, MeetingPack pack) {
        h.append("<bookmarks>\n<bookmark name=\"Overview\" href=\"#overview\"/>\n");
        for (CustomerBrief brief : pack.briefs()) {
            h.append("<bookmark name=\"").append(escape(brief.customerName() + " (" + brief.tpid() + ")"))
                    .append("\" href=\"#c").append(brief.tpid()).append("\"/>\n");
        }
        h.append("</bookmarks>\n");
    }

    private static void overview(StringBuilder h, List<OverviewRow> rows) {
        if (rows.isEmpty()) {
            h.append("<p class=\"blank\">No customers have been nominated for this meeting.</p>\n");
            return;
        }
        h.append("<table>\n<thead><tr><th>Customer</th><th>TPID</th><th>Overall</th>");
        for (WorkloadGroup g : WorkloadGroup.values()) {
            h.append("<th>").append(g.label()).append("</th>");
        }
        h.append("<th>Status</th><th>Next review</th></tr></thead>\n<tbody>\n");
        for (OverviewRow row : rows) {
            h.append("<tr><td><a href=\"#c").append(row.tpid()).append("\">").append(escape(row.customerName()))
                    .append("</a></td><td>").append(row.tpid()).append("</td>");
            colourCell(h, row.overall());
            for (WorkloadGroup g : WorkloadGroup.values()) {
                colourCell(h, row.group(g));
            }
            h.append("<td>").append(escape(row.status().map(CustomerStatus::label).orElse("Not set"))).append("</td>");
            h.append("<td").append(row.reviewOverdue() ? " class=\"overdue\"" : "").append('>')
                    .append(escape(BriefText.nextReview(row))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        h.append("<p class=\"note\">Colours are measured from workload usage under the health rules; \"No data\" "
                + "means no usage is recorded for that group. Next review dates in red have passed or are not set.</p>\n");
    }

    private static void colourCell(StringBuilder h, Optional<HealthColour> colour) {
        h.append("<td class=\"c ").append(HealthChip.of(colour).cssClass()).append("\">")
                .append(colour.map(HealthColour::label).orElse("No data")).append("</td>");
    }

    private static void brief(StringBuilder h, CustomerBrief brief, MeetingPack pack, boolean pdf) {
        h.append("<section class=\"brief\" id=\"c").append(brief.tpid()).append("\">\n");
        continued(h, pdf, brief.customerName());
        h.append("<h2>").append(escape(brief.customerName())).append(" <span class=\"sub\">TPID ").append(brief.tpid())
                .append("</span></h2>\n");
        h.append("<p class=\"chips\">");
        chip(h, "Overall " + brief.overall().map(HealthColour::label).orElse("not measured"), brief.overall());
        for (WorkloadGroup g : WorkloadGroup.values()) {
            Optional<HealthColour> c = brief.group(g);
            chip(h, g.label() + ": " + c.map(HealthColour::label).orElse("no data"), c);
        }
        h.append("</p>\n");
        boolean overdue = brief.reviewOverdueOn(pack.date());
        h.append("<p class=\"facts\">Status: ")
                .append(escape(brief.status().map(CustomerStatus::label).orElse("not set")))
                .append(" \u00b7 Next review: <span").append(overdue ? " class=\"overdue\"" : "").append('>')
                .append(brief.nextReview().map(BriefText::day).orElse("not set")).append(overdue ? " (overdue)" : "")
                .append("</span></p>\n");
        for (BriefSection section : BriefSection.values()) {
            h.append("<div class=\"part\">\n<h3>").append(escape(brief.heading(section))).append("</h3>\n");
            blocks(h, brief.text(section));
            h.append("</div>\n");
        }
        if (!brief.missing().isEmpty()) {
            h.append("<div class=\"missing\"><strong>Missing data:</strong> ")
                    .append(escape(String.join("; ", brief.missing()))).append(".</div>\n");
        }
        continued(h, pdf, null);
        h.append("</section>\n");
    }

    /**
     * The PDF's running header "NAME (continued)": the page header shows the last one placed above the
     * page's top, so a part that runs on to further pages puts one at its start and an empty one
     * ({@code name} null) at its end, and the page where the next part starts stays clean.
     */
    private static void continued(StringBuilder h, boolean pdf, String name) {
        if (pdf) {
            h.append("<div class=\"continued\">").append(name == null ? "" : escape(name) + " (continued)")
                    .append("</div>\n");
        }
    }

    private static void chip(StringBuilder h, String label, Optional<HealthColour> colour) {
        h.append("<span class=\"chip ").append(HealthChip.of(colour).cssClass()).append("\">").append(escape(label))
                .append("</span> ");
    }

    private static void blocks(StringBuilder h, String text) {
        List<BriefText.Block> blocks = BriefText.blocks(text);
        if (blocks.isEmpty()) {
            h.append("<p class=\"blank\">(left blank)</p>\n");
            return;
        }
        boolean inList = false;
        for (BriefText.Block block : blocks) {
            if (block.bullet() && !inList) {
                h.append("<ul>\n");
                inList = true;
            } else if (!block.bullet() && inList) {
                h.append("</ul>\n");
                inList = false;
            }
            h.append(block.bullet() ? "<li>" : "<p>").append(escape(block.text()))
                    .append(block.bullet() ? "</li>\n" : "</p>\n");
        }
        if (inList) {
            h.append("</ul>\n");
        }
    }

    private static String shortened(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)).stripTrailing() + "\u2026";
    }

    /**
     * Escapes text for element content and quoted attribute values. Control characters other than tab
     * and line feed are dropped: they have no place in a document, and XML forbids most of them.
     */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> {
                    // Unpaired surrogates and U+FFFE/U+FFFF are not characters; XML refuses them too.
                    boolean character = c >= 0x20 && (c < 0xD800 || c > 0xDFFF) && c != 0xFFFE && c != 0xFFFF;
                    if (character || c == '\t' || c == '\n') {
                        s.appendCodePoint(c);
                    }
                }
            }
        });
        return s.toString();
    }
}

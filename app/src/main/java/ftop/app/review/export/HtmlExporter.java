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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Writes a meeting pack as one self-contained HTML page: styles inline in the page, no scripts, no
 * external resources, so it opens anywhere and prints with one brief per page. Every piece of text is
 * escaped; what a presenter typed can never become markup.
 */
public final class HtmlExporter implements MeetingPackExporter {

    private static final String CSS = """
            body{font-family:"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2937;margin:2rem auto;max-width:60rem;\
            line-height:1.45;padding:0 1rem}
            h1{color:#1f3864;margin-bottom:.2rem}
            h2{color:#1f3864;border-bottom:2px solid #1f3864;padding-bottom:.2rem;margin-top:2.5rem}
            h3{color:#1f3864;font-size:1rem;margin:1.2rem 0 .3rem}
            .sub{color:#6b7280;margin-top:0}
            table{border-collapse:collapse;width:100%;font-size:.9rem}
            th{background:#1f3864;color:#fff;text-align:left;padding:.35rem .5rem}
            td{border-bottom:1px solid #e5e7eb;padding:.3rem .5rem}
            tr:nth-child(even) td{background:#f8fafc}
            td.c{text-align:center;font-weight:600}
            .RED{background:#c62828!important;color:#fff}
            .YELLOW{background:#f9a825!important;color:#1f2937}
            .GREEN{background:#2e7d32!important;color:#fff}
            .BLUE{background:#1565c0!important;color:#fff}
            .NONE{background:#e5e7eb!important;color:#4b5563;font-weight:400}
            .chip{display:inline-block;border-radius:.8rem;padding:.1rem .7rem;font-size:.85rem;font-weight:600}
            .overdue{color:#c62828;font-weight:600}
            .missing{background:#fff8e1;border-left:4px solid #f9a825;padding:.5rem .8rem;margin-top:1.2rem}
            .brief{page-break-before:always;break-before:page}
            ul{margin:.2rem 0 .2rem 1.2rem;padding:0}
            p{margin:.2rem 0}
            @media print{body{margin:0;max-width:none}h2{margin-top:0}}
            """;

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
        StringBuilder h = new StringBuilder(8192 + pack.briefs().size() * 4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(pack.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(escape(pack.title())).append("</h1>\n");
        h.append("<p class=\"sub\">Meeting of ").append(BriefText.day(pack.date())).append(" &middot; ")
                .append(pack.briefs().size()).append(pack.briefs().size() == 1 ? " customer" : " customers")
                .append("</p>\n");
        overview(h, pack.overview());
        for (CustomerBrief brief : pack.briefs()) {
            brief(h, brief);
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void overview(StringBuilder h, List<OverviewRow> rows) {
        h.append("<h2 id=\"overview\">Overview</h2>\n<table>\n<thead><tr><th>Customer</th><th>TPID</th><th>Overall</th>");
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
    }

    private static void colourCell(StringBuilder h, Optional<HealthColour> colour) {
        h.append("<td class=\"c ").append(colour.map(Enum::name).orElse("NONE")).append("\">")
                .append(colour.map(HealthColour::label).orElse("No data")).append("</td>");
    }

    private static void brief(StringBuilder h, CustomerBrief brief) {
        h.append("<section class=\"brief\" id=\"c").append(brief.tpid()).append("\">\n<h2>")
                .append(escape(brief.customerName())).append(" <span class=\"sub\">TPID ").append(brief.tpid())
                .append("</span></h2>\n<p>");
        h.append("<span class=\"chip ").append(brief.overall().map(Enum::name).orElse("NONE")).append("\">Overall ")
                .append(brief.overall().map(HealthColour::label).orElse("not measured")).append("</span> ");
        for (WorkloadGroup g : WorkloadGroup.values()) {
            Optional<HealthColour> c = brief.group(g);
            h.append("<span class=\"chip ").append(c.map(Enum::name).orElse("NONE")).append("\">").append(g.label())
                    .append(' ').append(c.map(HealthColour::label).orElse("no data")).append("</span> ");
        }
        h.append("</p>\n");
        for (BriefSection section : BriefSection.values()) {
            h.append("<h3>").append(escape(section.label())).append("</h3>\n");
            blocks(h, brief.text(section));
        }
        if (!brief.missing().isEmpty()) {
            h.append("<div class=\"missing\"><strong>Missing data:</strong> ")
                    .append(escape(String.join("; ", brief.missing()))).append(".</div>\n");
        }
        h.append("</section>\n");
    }

    private static void blocks(StringBuilder h, String text) {
        boolean inList = false;
        for (BriefText.Block block : BriefText.blocks(text)) {
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

    /** Escapes text for element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> {
                    // Control characters other than tab and newline have no place in a document.
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }
}

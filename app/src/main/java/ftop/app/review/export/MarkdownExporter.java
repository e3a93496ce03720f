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
import java.util.Optional;

/**
 * Writes a meeting pack as GitHub-flavoured Markdown: the overview as a table, a section per customer.
 * Text is escaped so that what a presenter typed reads as typed, not as formatting or table columns.
 */
public final class MarkdownExporter implements MeetingPackExporter {

    @Override
    public String extension() {
        return "md";
    }

    @Override
    public void write(MeetingPack pack, OutputStream out) throws IOException {
        out.write(render(pack).getBytes(StandardCharsets.UTF_8));
    }

    /** The whole document as text. */
    public String render(MeetingPack pack) {
        StringBuilder m = new StringBuilder(4096 + pack.briefs().size() * 2048);
        m.append("# ").append(escape(pack.title())).append("\n\n");
        m.append("Meeting of ").append(BriefText.day(pack.date())).append(" · ").append(pack.briefs().size())
                .append(pack.briefs().size() == 1 ? " customer" : " customers").append("\n\n");
        m.append("## Overview\n\n| Customer | TPID | Overall |");
        for (WorkloadGroup g : WorkloadGroup.values()) {
            m.append(' ').append(g.label()).append(" |");
        }
        m.append(" Status | Next review |\n|---|---:|---|---|---|---|---|---|\n");
        for (OverviewRow row : pack.overview()) {
            m.append("| ").append(escape(row.customerName())).append(" | ").append(row.tpid()).append(" | ")
                    .append(colour(row.overall())).append(" |");
            for (WorkloadGroup g : WorkloadGroup.values()) {
                m.append(' ').append(colour(row.group(g))).append(" |");
            }
            m.append(' ').append(row.status().map(CustomerStatus::label).orElse("Not set")).append(" | ")
                    .append(row.reviewOverdue() ? "**" + BriefText.nextReview(row) + "**" : BriefText.nextReview(row))
                    .append(" |\n");
        }
        for (CustomerBrief brief : pack.briefs()) {
            m.append("\n## ").append(escape(brief.customerName())).append(" (TPID ").append(brief.tpid()).append(")\n\n");
            m.append("Overall: ").append(colour(brief.overall()));
            for (WorkloadGroup g : WorkloadGroup.values()) {
                m.append(" · ").append(g.label()).append(": ").append(colour(brief.group(g)));
            }
            m.append("\n");
            for (BriefSection section : BriefSection.values()) {
                m.append("\n### ").append(brief.heading(section)).append("\n\n");
                for (BriefText.Block block : BriefText.blocks(brief.text(section))) {
                    m.append(block.bullet() ? "- " : "").append(escape(block.text())).append(block.bullet() ? "\n" : "\n\n");
                }
            }
            if (!brief.missing().isEmpty()) {
                m.append("\n> **Missing data:** ").append(escape(String.join("; ", brief.missing()))).append(".\n");
            }
        }
        // Paragraphs end with a blank line and headings start with one; never leave two in a row.
        return m.toString().replaceAll("\n{3,}", "\n\n");
    }

    private static String colour(Optional<HealthColour> colour) {
        return colour.map(HealthColour::label).orElse("No data");
    }

    /**
     * Escapes the characters Markdown would read as formatting, links, HTML or table columns; a leading
     * {@code #}, {@code >}, {@code -} or {@code +} or a number followed by a dot would start a block.
     */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 8);
        String flat = text.replaceAll("\\s*\\R\\s*", " ");
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            if ("\\`*_[]<>|~".indexOf(c) >= 0 || (i == 0 && "#>-+=".indexOf(c) >= 0)) {
                s.append('\\');
            }
            if (c == '.' && i > 0 && Character.isDigit(flat.charAt(i - 1)) && flat.substring(0, i).chars().allMatch(Character::isDigit)) {
                s.append('\\');
            }
            if (c >= 0x20 || c == '\t') {
                s.append(c);
            }
        }
        return s.toString();
    }
}

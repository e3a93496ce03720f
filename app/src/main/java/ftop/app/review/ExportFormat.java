package ftop.app.review;

import java.util.function.Supplier;

import ftop.app.review.export.HtmlExporter;
import ftop.app.review.export.MarkdownExporter;
import ftop.app.review.export.MeetingPackExporter;
import ftop.app.review.export.PdfExporter;

/** The documents a meeting pack can be exported as. */
public enum ExportFormat {
    PDF("PDF document", "pdf", PdfExporter::new),
    HTML("Web page (HTML)", "html", HtmlExporter::new),
    MARKDOWN("Markdown text", "md", MarkdownExporter::new);

    private final String label;
    private final String extension;
    private final Supplier<MeetingPackExporter> exporter;

    ExportFormat(String label, String extension, Supplier<MeetingPackExporter> exporter) {
        this.label = label;
        this.extension = extension;
        this.exporter = exporter;
    }

    /** How the format is offered, e.g. in the file chooser's type list. */
    public String label() {
        return label;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** A new exporter writing this format. */
    public MeetingPackExporter exporter() {
        return exporter.get();
    }
}

package ftop.app.review.export;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import ftop.core.review.MeetingPack;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.logging.Level;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a meeting pack as a PDF: the {@link HtmlExporter}'s page, laid out on A4 by openhtmltopdf. The
 * overview comes first (its header row repeated on every page it runs on to), then each brief starting
 * on a new page; a brief's parts are never split across pages where the brief fits on one, and a page
 * a long brief runs on to is headed with the customer's name. Bookmarks lead to the overview and each
 * customer; every page's foot carries the title and "Page n of m". The PDF is tagged (PDF/UA), so
 * screen readers and reflowing viewers read it in order, with headings, lists and tables as such.
 *
 * <p>Text is set in fonts shipped with the app and embedded as subsets (see {@code fonts/README.txt}
 * beside this class): Noto Sans for Latin, Greek and Cyrillic, Droid Sans Fallback for Chinese, Japanese
 * and Korean, so names such as "Société Générale", "Łódź" or "株式会社" print as written in any
 * reader. A character that neither covers (an emoji, say) prints as "?".
 */
public final class PdfExporter implements MeetingPackExporter {

    private static final Logger LOG = LoggerFactory.getLogger(PdfExporter.class);
    private static final String FONTS = "fonts/";
    private static final String FALLBACK = "DroidSansFallback.ttf";
    /** The family the stylesheet asks for. */
    private static final String FAMILY = "Noto Sans";

    static {
        // openhtmltopdf reports through java.util.logging at INFO; only its warnings matter to us.
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
    }

    @Override
    public String extension() {
        return "pdf";
    }

    @Override
    public void write(MeetingPack pack, OutputStream out) throws IOException {
        String html = HtmlExporter.render(pack, HtmlExporter.Medium.PDF);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .withHtmlContent(html, null)
                .useFont(font("NotoSans-Regular.ttf"), FAMILY, 400, FontStyle.NORMAL, true)
                .useFont(font("NotoSans-Bold.ttf"), FAMILY, 700, FontStyle.NORMAL, true);
        if (!NotoCoverage.covers(html)) {
            // The layout reads the metrics of every font it may fall back on, so a 3.4 MB font would be
            // parsed for every export; it is offered only to packs with text Noto Sans cannot set.
            builder.useFont(font(FALLBACK), "Droid Sans Fallback", 400, FontStyle.NORMAL, true,
                    EnumSet.of(FSFontUseCase.FALLBACK_FINAL));
        }
        builder.useReplacementText("?")
                // The page is ours and needs nothing from outside; refuse anything it might point at.
                .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                // Tagged for screen readers; this also leaves out the standard fonts we never use.
                .usePdfUaAccessibility(true)
                .withProducer("FTOP Desktop");
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            renderer.createPDFWithoutClosing();
            PDDocument doc = renderer.getPdfDocument();
            doc.getDocumentInformation().setCreator("FTOP Desktop");
            doc.save(out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The characters Noto Sans has glyphs for, learnt once from its character map. */
    private static final class NotoCoverage {
        private static final BitSet CHARACTERS = characters();

        static boolean covers(String text) {
            return text.codePoints().allMatch(c -> c < 0x80 || CHARACTERS.get(c));
        }

        private static BitSet characters() {
            BitSet covered = new BitSet();
            try (InputStream in = PdfExporter.class.getResourceAsStream(FONTS + "NotoSans-Regular.ttf")) {
                if (in == null) {
                    return covered; // the export then fails on the missing font, saying so
                }
                try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
                    CmapLookup cmap = ttf.getUnicodeCmapLookup();
                    for (int c = 0; c <= 0x2FFFF; c++) {
                        if (cmap.getGlyphId(c) != 0) {
                            covered.set(c);
                        }
                    }
                }
            } catch (IOException e) {
                LOG.warn("Cannot read the character map of Noto Sans; every PDF will carry the CJK font too", e);
            }
            return covered;
        }
    }

    private static FSSupplier<InputStream> font(String name) {
        return () -> {
            InputStream in = PdfExporter.class.getResourceAsStream(FONTS + name);
            if (in == null) {
                throw new UncheckedIOException(new IOException("The font " + name + " is missing from the app"));
            }
            return in;
        };
    }
}

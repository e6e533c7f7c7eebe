package nl.ketenzicht.shared;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Server-side PDF from well-formed XHTML with openhtmltopdf (PDFBox): tagged for accessibility (PDF/UA:
 * structure tree from the headings and tables, the document's language and title) with the bundled DejaVu
 * Sans embedded, as PDF/UA asks. The monitor and the regional reports' print views use it.
 */
public final class Pdf {

    private Pdf() {}

    public static void render(String xhtml, OutputStream out) throws IOException {
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.usePdfUaAccessibility(true);
        b.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true);
        b.useFont(() -> font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true);
        b.withProducer("Ketenzicht");
        b.withHtmlContent(xhtml, null);
        b.toStream(out);
        b.run();
    }

    private static InputStream font(String name) {
        return Pdf.class.getResourceAsStream("/fonts/" + name);
    }
}

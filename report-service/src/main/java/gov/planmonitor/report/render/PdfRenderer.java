package gov.planmonitor.report.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import gov.planmonitor.report.config.ReportConfig;
import gov.planmonitor.report.mapping.ReportContentDto;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * The HTML page as an A4 PDF. Chinese needs an embedded font (a viewer has none to substitute), so the configured
 * CJK and Latin TrueType fonts are embedded as subsets, which also keeps the text extractable. The dates come from
 * the report's asOf and the document ID from the page itself, so the same report always gives the same bytes.
 */
@ApplicationScoped
public class PdfRenderer {

    static final String PRODUCER = "Plan monitoring suite report-service (openhtmltopdf, Apache PDFBox)";

    private final ReportConfig.Pdf config;

    public PdfRenderer(ReportConfig config) {
        this.config = config.pdf();
        OpenHtmlToPdfLog.install();
    }

    public byte[] render(String xhtml, ReportContentDto content) {
        Path cjk = required(config.font(), "report.pdf.font", "fonts-droid-fallback");
        Path latin = required(config.latinFont(), "report.pdf.latin-font", "fonts-dejavu-core");
        Path latinBold = required(config.latinBoldFont(), "report.pdf.latin-bold-font", "fonts-dejavu-core");
        EnumSet<FSFontUseCase> everywhere = EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024)) {
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .usePDDocument(document)
                    .withHtmlContent(xhtml, null)
                    .useFont(cjk.toFile(), "Droid Sans Fallback", 400, FontStyle.NORMAL, true, everywhere)
                    .useFont(latin.toFile(), "DejaVu Sans", 400, FontStyle.NORMAL, true, everywhere)
                    .useFont(latinBold.toFile(), "DejaVu Sans", 700, FontStyle.NORMAL, true, everywhere)
                    .useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE, BatikSVGDrawer.SvgExternalResourceMode.SECURE))
                    // The page is self-contained; nothing it names is fetched.
                    .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                    .withProducer(PRODUCER)
                    .useFastMode();
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
            }
            pin(document, xhtml, content == null ? null : Fields.text(content.asOf()));
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        }
    }

    private static Path required(Path font, String property, String debianPackage) {
        if (!Files.isRegularFile(font) || !Files.isReadable(font)) {
            throw new PdfFontMissing(font, property, debianPackage);
        }
        return font;
    }

    /** Fixes what would otherwise change on every render: the dates (to asOf), the producer and the file ID. */
    private static void pin(PDDocument document, String xhtml, String asOf) {
        PDDocumentInformation info = document.getDocumentInformation();
        Instant at = Fields.instant(asOf);
        if (at != null) {
            Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            date.setTimeInMillis(at.toEpochMilli());
            info.setCreationDate(date);
            info.setModificationDate(date);
        }
        info.setProducer(PRODUCER);
        info.setCreator("report-service");
        byte[] id = Arrays.copyOf(sha256(xhtml), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

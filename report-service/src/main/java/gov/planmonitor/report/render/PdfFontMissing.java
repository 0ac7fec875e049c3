package gov.planmonitor.report.render;

import java.nio.file.Path;

/** A font the PDF must embed is not on this machine; the PDF is refused rather than printed with boxes. */
public class PdfFontMissing extends RuntimeException {

    public PdfFontMissing(Path file, String property, String debianPackage) {
        super("PDF reports are unavailable: the font file " + file + " (configured by " + property + ") is missing. Install the Debian package "
                + debianPackage + " or point " + property + " at another TrueType font with these glyphs. HTML, Markdown, XLSX and JSON are still available.");
    }
}

package gov.planmonitor.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;

@ConfigMapping(prefix = "report")
public interface ReportConfig {

    Worker worker();

    Pdf pdf();

    interface Worker {
        /** A RUNNING job whose heartbeat is older than this was abandoned by a crashed worker and is taken again. */
        @WithDefault("PT5M")
        Duration staleAfter();

        @WithDefault("1s")
        String poll();

        /** A job abandoned this many times (its worker died each time) is FAILED instead of being taken again. */
        @WithDefault("3")
        int maxAttempts();
    }

    /**
     * Fonts embedded in PDF reports. PDF viewers have no Chinese font of their own to fall back on, so the CJK font
     * must be embedded; without it a PDF would show boxes, so a missing file makes PDF requests fail with 503 instead.
     */
    interface Pdf {
        /** A TrueType font with the CJK ideographs (Debian package fonts-droid-fallback). */
        @WithDefault("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
        Path font();

        /** Latin, digits and symbols such as ≥ and “”, which the CJK font lacks (Debian package fonts-dejavu-core). */
        @WithDefault("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
        Path latinFont();

        /** Bold of the Latin font, for headings and the table header. */
        @WithDefault("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
        Path latinBoldFont();
    }
}

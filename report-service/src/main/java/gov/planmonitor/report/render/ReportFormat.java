package gov.planmonitor.report.render;

import jakarta.ws.rs.core.MediaType;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The formats a finished report's content is served in; all of them are rendered from the stored JSON alone. */
public enum ReportFormat {
    JSON("json", Media.JSON, "json"),
    MARKDOWN("markdown", Media.MARKDOWN, "md"),
    HTML("html", Media.HTML, "html"),
    PDF("pdf", Media.PDF, "pdf"),
    XLSX("xlsx", Media.XLSX, "xlsx");

    /** Media types as constants, for the JAX-RS and OpenAPI annotations. */
    public static final class Media {
        public static final String JSON = "application/json";
        public static final String MARKDOWN = "text/markdown";
        public static final String HTML = "text/html";
        public static final String PDF = "application/pdf";
        public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

        private Media() {
        }
    }

    /** The names format= accepts, as listed to a caller who got one wrong. */
    public static final String NAMES = "json, markdown (or md), html, pdf, xlsx";

    private final String formatName;
    private final MediaType mediaType;
    private final String extension;

    ReportFormat(String formatName, String mediaType, String extension) {
        this.formatName = formatName;
        this.mediaType = MediaType.valueOf(mediaType);
        this.extension = extension;
    }

    public String formatName() {
        return formatName;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Text formats carry a charset; binary ones must not. */
    public String contentType() {
        return this == PDF || this == XLSX ? mediaType.toString() : mediaType.withCharset("UTF-8").toString();
    }

    public static Optional<ReportFormat> named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("md")) {
            return Optional.of(MARKDOWN);
        }
        return Arrays.stream(values()).filter(f -> f.formatName.equals(n)).findFirst();
    }

    /**
     * The first of the caller's acceptable media types (already ordered by quality and specificity) that one of the
     * formats satisfies; JSON when none does, so a wildcard or an unrelated Accept gets the structured content.
     */
    public static ReportFormat negotiate(List<MediaType> acceptable) {
        for (MediaType wanted : acceptable) {
            if (wanted.isWildcardType()) {
                return JSON;
            }
            for (ReportFormat f : values()) {
                if (wanted.isCompatible(f.mediaType)) {
                    return f;
                }
            }
        }
        return JSON;
    }
}

package gov.planmonitor.report.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;

/** Renders a finished report's stored content in one of the formats; each render is timed per format in /q/metrics. */
@ApplicationScoped
public class ReportRenderer {

    private final PdfRenderer pdf;
    private final MeterRegistry metrics;

    public ReportRenderer(PdfRenderer pdf, MeterRegistry metrics) {
        this.pdf = pdf;
        this.metrics = metrics;
    }

    public byte[] render(JsonNode content, ReportFormat format) {
        Timer timer = Timer.builder("report.render").description("Time to render a report's content in a format")
                .tag("format", format.formatName()).register(metrics);
        return timer.record(() -> switch (format) {
            case JSON -> content.toString().getBytes(StandardCharsets.UTF_8);
            case MARKDOWN -> MarkdownRenderer.render(content).getBytes(StandardCharsets.UTF_8);
            case HTML -> HtmlRenderer.render(content).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf.render(HtmlRenderer.render(content), content);
            case XLSX -> XlsxRenderer.render(content);
        });
    }
}

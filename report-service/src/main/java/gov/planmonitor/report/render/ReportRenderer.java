package gov.planmonitor.report.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.report.mapping.ReportContentDto;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;

/** Renders a finished report's stored content in one of the formats; each render is timed per format in /q/metrics. */
@ApplicationScoped
public class ReportRenderer {

    private final HtmlRenderer html;
    private final MarkdownRenderer markdown;
    private final XlsxRenderer xlsx;
    private final PdfRenderer pdf;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    public ReportRenderer(HtmlRenderer html, MarkdownRenderer markdown, XlsxRenderer xlsx, PdfRenderer pdf, ObjectMapper json,
                          MeterRegistry metrics) {
        this.html = html;
        this.markdown = markdown;
        this.xlsx = xlsx;
        this.pdf = pdf;
        this.json = json;
        this.metrics = metrics;
    }

    public byte[] render(ReportContentDto content, ReportFormat format) {
        Timer timer = Timer.builder("report.render").description("Time to render a report's content in a format")
                .tag("format", format.formatName()).register(metrics);
        return timer.record(() -> switch (format) {
            case JSON -> json(content);
            case MARKDOWN -> markdown.render(content).getBytes(StandardCharsets.UTF_8);
            case HTML -> html.render(content).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf.render(html.render(content), content);
            case XLSX -> xlsx.render(content);
        });
    }

    private byte[] json(ReportContentDto content) {
        try {
            return json.writeValueAsBytes(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report content does not serialize", e);
        }
    }
}

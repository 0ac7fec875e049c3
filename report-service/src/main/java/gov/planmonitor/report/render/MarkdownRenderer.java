package gov.planmonitor.report.render;

import gov.planmonitor.report.mapping.ReportContentDto;
import gov.planmonitor.report.mapping.ReportContentDto.IndicatorRowDto;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Markdown of the structured report (templates/MarkdownRenderer/report.md): title, narrative, the indicator table and the plan's tasks. */
@ApplicationScoped
public class MarkdownRenderer {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(Page p, Wording zh, Wording en);
    }

    /** The texts the Markdown shows, as given (the template escapes them). */
    public record Page(String titleZh, String titleEn, String narrativeZh, String narrativeEn, List<Row> rows, String asOf,
                       boolean indicatorTable, List<TaskSections.Section> tasks) {
    }

    /** An indicator row: its value is the number with its unit, or the words of a qualitative result. */
    public record Row(int seq, String name, boolean binding, String nameEn, String target, String value, String growth, String verdictZh,
                      String verdictEn) {
    }

    private final Wording zh;
    private final Wording en;

    public MarkdownRenderer(Wording zh, @Localized("en") Wording en) {
        this.zh = zh;
        this.en = en;
    }

    public String render(ReportContentDto r) {
        List<Row> rows = r.indicators() == null ? List.of() : r.indicators().stream().map(MarkdownRenderer::row).toList();
        Page page = new Page(Fields.text(r.titleZh(), ""), Fields.text(r.titleEn(), ""), Fields.text(r.narrativeZh(), ""),
                Fields.text(r.narrativeEn(), ""), rows, Fields.text(r.asOf(), "—"), !"OVERSIGHT".equals(r.type()), TaskSections.of(r, zh, en));
        return Templates.report(page, zh, en).render();
    }

    private static Row row(IndicatorRowDto i) {
        String number = Fields.plain(i.value());
        String value = number != null ? number + " " + Fields.text(i.unit(), "") : Fields.text(i.qualitativeZh(), "—");
        String growth = Fields.plain(i.growthRate());
        return new Row(i.seq(), Fields.text(i.nameZh(), ""), "BINDING".equals(i.attribute()), Fields.text(i.nameEn(), ""),
                Fields.text(i.target(), "—"), value.strip(), growth == null ? "—" : growth, Fields.text(i.verdictZh(), ""),
                Fields.text(i.verdictEn(), ""));
    }
}

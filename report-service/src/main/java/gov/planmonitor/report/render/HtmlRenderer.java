package gov.planmonitor.report.render;

import gov.planmonitor.report.mapping.ReportContentDto;
import gov.planmonitor.support.time.BureauClock;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The report as a page to read, print and publish (templates/HtmlRenderer/report.html), in both languages. The data's
 * time is shown to a Chinese reader in the bureau's time zone and to an English one in UTC.
 */
@ApplicationScoped
public class HtmlRenderer {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(ReportPage p, Wording zh, Wording en);
    }

    private final Wording zh;
    private final Wording en;
    private final BureauClock clock;

    public HtmlRenderer(Wording zh, @Localized("en") Wording en, BureauClock clock) {
        this.zh = zh;
        this.en = en;
        this.clock = clock;
    }

    public String render(ReportContentDto content) {
        return Templates.report(ReportPage.of(content, zh, en, clock.clock().getZone()), zh, en).render();
    }
}

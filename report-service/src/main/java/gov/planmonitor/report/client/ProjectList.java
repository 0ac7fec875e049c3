package gov.planmonitor.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;

/** A project list as project-service gives it (its ProjectList schema), with the figures the bureau published. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectList(String code, String nameZh, String nameEn, Integer year, String plan, Long projectCount, ReportedFigures reported) {

    /** The contract's ReportedFigures. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportedFigures(Integer projectCount, Money completedInvestment, BigDecimal plannedInvestmentShare, String note) {
    }
}

package gov.planmonitor.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;

/** A project as project-service's listProjects gives it (its Project schema): what a project report's row shows. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Project(String id, Integer seq, String nameZh, String nameEn, CodeName category, String status, CodeName zone,
                     BigDecimal progressPercent, Money plannedToDate, Money completedToDate, Integer overdueMilestones) {
}

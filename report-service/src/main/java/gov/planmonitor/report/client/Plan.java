package gov.planmonitor.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A plan as indicator-service gives it (its Plan schema): what reports check a year against and print as title. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Plan(String code, Integer startYear, Integer endYear, String titleZh, String titleEn) {
}

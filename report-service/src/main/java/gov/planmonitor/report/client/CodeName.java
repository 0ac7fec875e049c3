package gov.planmonitor.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A code with its names, as both services give categories and zones (their CodeName schemas). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CodeName(String code, String nameZh, String nameEn) {
}

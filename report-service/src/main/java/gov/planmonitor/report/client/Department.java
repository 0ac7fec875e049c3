package gov.planmonitor.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A department as indicator-service gives it (its Department schema). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Department(String code, String nameZh, String nameEn) {
}

package gov.planmonitor.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;

/** An amount as project-service gives it (its Money schema): exact yuan and as printed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Money(BigDecimal yuan, String display) {
}

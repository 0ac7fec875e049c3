package gov.planmonitor.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** One page of a list operation (the contracts' PageDto schemas), as far as reports read it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(List<T> items, long total, int size) {
}

package gov.planmonitor.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A plan's evaluation as indicator-service's evaluatePlan gives it (its Evaluation schema), as far as reports read it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanEvaluation(Plan plan, Integer year, String stage, List<EvaluatedIndicator> items) {
}

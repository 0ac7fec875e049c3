package gov.planmonitor.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/** One indicator of an evaluation (indicator-service's EvaluationItem schema): what a report row shows. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvaluatedIndicator(String code, Integer seq, String nameZh, String nameEn, CodeName category, String attribute, Unit unit,
                                 List<DepartmentRole> departments, Target target, Observation observation, String verdict,
                                 String verdictZh, String verdictEn, Explanation explanation) {

    /** The contract's Unit, of which reports print only the unit as printed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unit(String printed) {
    }

    /** The contract's DepartmentRole: a department responsible for the indicator, LEAD or SUPPORT. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DepartmentRole(String code, String role) {
    }

    /** The contract's Target, of which reports print the text. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(String text) {
    }

    /** The contract's UsedObservation: the value the verdict was reached on. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Observation(BigDecimal value, BigDecimal growthRate, String status, String qualitativeZh) {
    }

    /** The contract's Explanation: why the verdict, in both languages. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Explanation(String zh, String en) {
    }
}

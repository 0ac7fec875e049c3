package gov.planmonitor.report.service;

import gov.planmonitor.report.mapping.ReportContentDto.IndicatorRowDto;
import gov.planmonitor.report.mapping.ReportContentDto.VerdictCountsDto;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The counts a report gives of the indicator rows it shows, by verdict and attribute (by category: VerdictsByCategory). */
final class VerdictCounts {

    private VerdictCounts() {
    }

    /** Counts of the rows shown (a scorecard shows only the department's), by verdict and attribute. */
    static VerdictCountsDto summary(List<IndicatorRowDto> rows) {
        Map<String, Integer> byVerdict = new TreeMap<>();
        Map<String, Integer> byAttribute = new TreeMap<>();
        for (IndicatorRowDto row : rows) {
            byVerdict.merge(row.verdict(), 1, Integer::sum);
            byAttribute.merge(row.attribute() != null ? row.attribute() : "NONE", 1, Integer::sum);
        }
        return new VerdictCountsDto(rows.size(), byVerdict, byAttribute);
    }
}

package gov.planmonitor.report.render;

import gov.planmonitor.report.mapping.ReportContentDto;
import gov.planmonitor.report.mapping.ReportContentDto.CategoryVerdictsDto;
import gov.planmonitor.report.mapping.ReportContentDto.CodeNameDto;
import gov.planmonitor.report.mapping.ReportContentDto.IndicatorRowDto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Verdict counts per indicator category, in the order categories first appear among the indicators. */
public final class VerdictsByCategory {

    static final String UNCATEGORISED = "NONE";

    private VerdictsByCategory() {
    }

    /** Per category of the indicators (NONE for those without one), its indicators per verdict, best verdict first. */
    public static List<CategoryVerdictsDto> of(List<IndicatorRowDto> indicators) {
        Map<String, CodeNameDto> categories = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (IndicatorRowDto indicator : indicators == null ? List.<IndicatorRowDto>of() : indicators) {
            CodeNameDto category = indicator.category();
            String code = category == null ? null : Fields.text(category.code());
            if (code == null) {
                code = UNCATEGORISED;
                category = null;
            }
            categories.putIfAbsent(code, category);
            counts.computeIfAbsent(code, c -> new TreeMap<>()).merge(Fields.text(indicator.verdict(), "NOT_EVALUABLE"), 1, Integer::sum);
        }
        List<CategoryVerdictsDto> result = new ArrayList<>();
        categories.forEach((code, category) -> {
            List<Map.Entry<String, Integer>> ordered = new ArrayList<>(counts.get(code).entrySet());
            ordered.sort(Comparator.comparingInt((Map.Entry<String, Integer> e) -> Verdicts.rank(e.getKey())));
            Map<String, Integer> byVerdict = new LinkedHashMap<>();
            ordered.forEach(e -> byVerdict.put(e.getKey(), e.getValue()));
            result.add(new CategoryVerdictsDto(code, category == null ? "未分类" : Fields.text(category.nameZh(), code),
                    category == null ? "Uncategorised" : Fields.text(category.nameEn(), code), byVerdict));
        });
        return result;
    }

    /** The content's own verdictsByCategory, or one computed from its indicators when the content predates it. */
    static List<CategoryVerdictsDto> resolve(ReportContentDto content) {
        return content.verdictsByCategory() != null ? content.verdictsByCategory() : of(content.indicators());
    }
}

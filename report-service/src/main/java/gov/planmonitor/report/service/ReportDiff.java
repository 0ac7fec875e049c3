package gov.planmonitor.report.service;

import gov.planmonitor.report.mapping.ListSummaryDto;
import gov.planmonitor.report.mapping.ListSummaryDto.InvestmentTotalsDto;
import gov.planmonitor.report.mapping.ListSummaryDto.MoneyDto;
import gov.planmonitor.report.mapping.ReportContentDto;
import gov.planmonitor.report.mapping.ReportContentDto.IndicatorRowDto;
import gov.planmonitor.report.mapping.ReportContentDto.ProjectRowDto;
import gov.planmonitor.report.mapping.ReportDiffDto.ChangeDto;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Compares the structured contents of two reports, field by field, in a stable order. */
final class ReportDiff {

    private final List<ChangeDto> changes = new ArrayList<>();

    private ReportDiff() {
    }

    static List<ChangeDto> between(ReportContentDto from, ReportContentDto to) {
        ReportDiff diff = new ReportDiff();
        diff.indicators(rows(from.indicators()), rows(to.indicators()));
        diff.rollup(from.projects(), to.projects());
        diff.projects(rows(from.projectRows()), rows(to.projectRows()));
        return diff.changes;
    }

    private void indicators(List<IndicatorRowDto> from, List<IndicatorRowDto> to) {
        Map<String, IndicatorRowDto> before = byKey(from, IndicatorRowDto::code);
        Map<String, IndicatorRowDto> after = byKey(to, IndicatorRowDto::code);
        if (!before.isEmpty() && !after.isEmpty() && disjoint(before.keySet(), after.keySet())) {
            // Reports on different plans: the same indicator carries another code in each plan.
            before = byKey(from, IndicatorRowDto::nameZh);
            after = byKey(to, IndicatorRowDto::nameZh);
        }
        for (Map.Entry<String, IndicatorRowDto> e : before.entrySet()) {
            IndicatorRowDto old = e.getValue();
            IndicatorRowDto now = after.get(e.getKey());
            if (now == null) {
                changes.add(new ChangeDto("INDICATOR_REMOVED", text(old.code()), old.nameZh(), null, old.verdict(), null));
                continue;
            }
            String key = text(now.code());
            String name = text(now.nameZh());
            same("INDICATOR_VALUE", key, name, "value", old.value(), now.value());
            same("INDICATOR_GROWTH_RATE", key, name, "growthRate", old.growthRate(), now.growthRate());
            same("INDICATOR_QUALITATIVE", key, name, "qualitativeZh", old.qualitativeZh(), now.qualitativeZh());
            same("INDICATOR_TARGET", key, name, "target", old.target(), now.target());
            same("INDICATOR_VERDICT", key, name, "verdict", old.verdict(), now.verdict());
        }
        for (Map.Entry<String, IndicatorRowDto> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                IndicatorRowDto added = e.getValue();
                changes.add(new ChangeDto("INDICATOR_ADDED", text(added.code()), added.nameZh(), null, null, added.verdict()));
            }
        }
    }

    private void rollup(ListSummaryDto from, ListSummaryDto to) {
        if (from == null && to == null) {
            return;
        }
        String key = listCode(to) != null ? listCode(to) : text(listCode(from));
        same("LIST_PROJECT_COUNT", key, null, "projectCount", from == null ? null : from.projectCount(), to == null ? null : to.projectCount());
        InvestmentTotalsDto was = from == null ? null : from.investment();
        InvestmentTotalsDto is = to == null ? null : to.investment();
        same("LIST_INVESTMENT", key, null, "investment.planned", yuan(was == null ? null : was.planned()), yuan(is == null ? null : is.planned()));
        same("LIST_INVESTMENT", key, null, "investment.completed", yuan(was == null ? null : was.completed()), yuan(is == null ? null : is.completed()));
        same("LIST_INVESTMENT", key, null, "investment.completionRatio", was == null ? null : was.completionRatio(),
                is == null ? null : is.completionRatio());
        Map<String, Integer> wasByStatus = from == null || from.byStatus() == null ? Map.of() : from.byStatus();
        Map<String, Integer> isByStatus = to == null || to.byStatus() == null ? Map.of() : to.byStatus();
        Set<String> statuses = new TreeSet<>(wasByStatus.keySet());
        statuses.addAll(isByStatus.keySet());
        for (String status : statuses) {
            same("LIST_STATUS_COUNT", key, null, "byStatus." + status, wasByStatus.get(status), isByStatus.get(status));
        }
    }

    private void projects(List<ProjectRowDto> from, List<ProjectRowDto> to) {
        Map<String, ProjectRowDto> before = byKey(from, ProjectRowDto::code);
        Map<String, ProjectRowDto> after = byKey(to, ProjectRowDto::code);
        for (Map.Entry<String, ProjectRowDto> e : before.entrySet()) {
            ProjectRowDto old = e.getValue();
            ProjectRowDto now = after.get(e.getKey());
            if (now == null) {
                changes.add(new ChangeDto("PROJECT_REMOVED", e.getKey(), old.nameZh(), null, old.status(), null));
                continue;
            }
            String name = text(now.nameZh());
            same("PROJECT_STATUS", text(now.code()), name, "status", old.status(), now.status());
            same("PROJECT_PROGRESS", text(now.code()), name, "progressPercent", old.progressPercent(), now.progressPercent());
            same("PROJECT_INVESTMENT", e.getKey(), name, "planned", yuan(old.planned()), yuan(now.planned()));
            same("PROJECT_INVESTMENT", e.getKey(), name, "completed", yuan(old.completed()), yuan(now.completed()));
        }
        for (Map.Entry<String, ProjectRowDto> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                changes.add(new ChangeDto("PROJECT_ADDED", e.getKey(), e.getValue().nameZh(), null, null, e.getValue().status()));
            }
        }
    }

    private void same(String kind, String key, String nameZh, String field, Object old, Object now) {
        if (!equal(old, now)) {
            changes.add(new ChangeDto(kind, key, nameZh, field, old, now));
        }
    }

    /** Numbers compare by value (3193 equals 3193.0). */
    private static boolean equal(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static BigDecimal yuan(MoneyDto amount) {
        return amount == null ? null : amount.yuan();
    }

    private static String listCode(ListSummaryDto summary) {
        return summary == null || summary.list() == null ? null : summary.list().code();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> rows(List<T> rows) {
        return rows == null ? List.of() : rows;
    }

    private static <T> Map<String, T> byKey(List<T> rows, Function<T, String> field) {
        Map<String, T> map = new LinkedHashMap<>();
        rows.forEach(row -> map.putIfAbsent(text(field.apply(row)), row));
        return map;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return common.isEmpty();
    }
}

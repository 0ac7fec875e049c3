package gov.planmonitor.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import gov.planmonitor.report.mapping.ReportDiffDto.ChangeDto;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Compares the structured contents of two reports, field by field, in a stable order. */
final class ReportDiff {

    private final List<ChangeDto> changes = new ArrayList<>();

    private ReportDiff() {
    }

    static List<ChangeDto> between(JsonNode from, JsonNode to) {
        ReportDiff diff = new ReportDiff();
        diff.indicators(from.path("indicators"), to.path("indicators"));
        diff.rollup(from.path("projects"), to.path("projects"));
        diff.projects(from.path("projectRows"), to.path("projectRows"));
        return diff.changes;
    }

    private void indicators(JsonNode from, JsonNode to) {
        Map<String, JsonNode> before = byKey(from, "code");
        Map<String, JsonNode> after = byKey(to, "code");
        if (!before.isEmpty() && !after.isEmpty() && disjoint(before.keySet(), after.keySet())) {
            // Reports on different plans: the same indicator carries another code in each plan.
            before = byKey(from, "nameZh");
            after = byKey(to, "nameZh");
        }
        for (Map.Entry<String, JsonNode> e : before.entrySet()) {
            JsonNode old = e.getValue();
            JsonNode now = after.get(e.getKey());
            if (now == null) {
                add("INDICATOR_REMOVED", old.path("code").asText(), old, null, old.path("verdict"), null);
                continue;
            }
            compare("INDICATOR_VALUE", now, old, now, "value");
            compare("INDICATOR_GROWTH_RATE", now, old, now, "growthRate");
            compare("INDICATOR_QUALITATIVE", now, old, now, "qualitativeZh");
            compare("INDICATOR_TARGET", now, old, now, "target");
            compare("INDICATOR_VERDICT", now, old, now, "verdict");
        }
        for (Map.Entry<String, JsonNode> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                add("INDICATOR_ADDED", e.getValue().path("code").asText(), e.getValue(), null, null, e.getValue().path("verdict"));
            }
        }
    }

    private void rollup(JsonNode from, JsonNode to) {
        if (!from.isObject() && !to.isObject()) {
            return;
        }
        String key = to.path("list").path("code").asText(from.path("list").path("code").asText());
        same("LIST_PROJECT_COUNT", key, "projectCount", from.path("projectCount"), to.path("projectCount"));
        same("LIST_INVESTMENT", key, "investment.planned", from.path("investment").path("planned").path("yuan"),
                to.path("investment").path("planned").path("yuan"));
        same("LIST_INVESTMENT", key, "investment.completed", from.path("investment").path("completed").path("yuan"),
                to.path("investment").path("completed").path("yuan"));
        same("LIST_INVESTMENT", key, "investment.completionRatio", from.path("investment").path("completionRatio"),
                to.path("investment").path("completionRatio"));
        Set<String> statuses = new TreeSet<>();
        from.path("byStatus").fieldNames().forEachRemaining(statuses::add);
        to.path("byStatus").fieldNames().forEachRemaining(statuses::add);
        for (String status : statuses) {
            same("LIST_STATUS_COUNT", key, "byStatus." + status, from.path("byStatus").path(status), to.path("byStatus").path(status));
        }
    }

    private void projects(JsonNode from, JsonNode to) {
        Map<String, JsonNode> before = byKey(from, "code");
        Map<String, JsonNode> after = byKey(to, "code");
        for (Map.Entry<String, JsonNode> e : before.entrySet()) {
            JsonNode old = e.getValue();
            JsonNode now = after.get(e.getKey());
            if (now == null) {
                add("PROJECT_REMOVED", e.getKey(), old, null, old.path("status"), null);
                continue;
            }
            compare("PROJECT_STATUS", now, old, now, "status");
            compare("PROJECT_PROGRESS", now, old, now, "progressPercent");
            same("PROJECT_INVESTMENT", e.getKey(), now.path("nameZh").asText(), "planned", old.path("planned").path("yuan"), now.path("planned").path("yuan"));
            same("PROJECT_INVESTMENT", e.getKey(), now.path("nameZh").asText(), "completed", old.path("completed").path("yuan"), now.path("completed").path("yuan"));
        }
        for (Map.Entry<String, JsonNode> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                add("PROJECT_ADDED", e.getKey(), e.getValue(), null, null, e.getValue().path("status"));
            }
        }
    }

    private void compare(String kind, JsonNode named, JsonNode old, JsonNode now, String field) {
        same(kind, named.path("code").asText(), named.path("nameZh").asText(), field, old.path(field), now.path(field));
    }

    private void same(String kind, String key, String field, JsonNode old, JsonNode now) {
        same(kind, key, null, field, old, now);
    }

    private void same(String kind, String key, String nameZh, String field, JsonNode old, JsonNode now) {
        if (!equal(old, now)) {
            changes.add(new ChangeDto(kind, key, nameZh, field, orNull(old), orNull(now)));
        }
    }

    private void add(String kind, String key, JsonNode named, String field, JsonNode old, JsonNode now) {
        changes.add(new ChangeDto(kind, key, named.path("nameZh").asText(null), field, orNull(old), orNull(now)));
    }

    /** Numbers compare by value (3193 equals 3193.0); missing equals null. */
    private static boolean equal(JsonNode a, JsonNode b) {
        boolean aEmpty = a == null || a.isMissingNode() || a.isNull();
        boolean bEmpty = b == null || b.isMissingNode() || b.isNull();
        if (aEmpty || bEmpty) {
            return aEmpty == bEmpty;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null || node.isMissingNode() ? NullNode.getInstance() : node;
    }

    private static Map<String, JsonNode> byKey(JsonNode rows, String field) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        rows.forEach(row -> map.putIfAbsent(row.path(field).asText(), row));
        return map;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return common.isEmpty();
    }
}

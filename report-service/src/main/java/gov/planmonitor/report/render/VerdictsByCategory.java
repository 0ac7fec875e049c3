package gov.planmonitor.report.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /** [{"code","nameZh","nameEn","counts":{"ACHIEVED":n,...}}] from indicators[].category and verdict. */
    public static ArrayNode of(JsonNode indicators) {
        Map<String, JsonNode> categories = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        if (indicators != null && indicators.isArray()) {
            for (JsonNode indicator : indicators) {
                JsonNode category = Fields.object(indicator, "category");
                String code = category == null ? null : Fields.text(category, "code");
                if (code == null) {
                    code = UNCATEGORISED;
                    category = null;
                }
                categories.putIfAbsent(code, category);
                String verdict = Fields.text(indicator, "verdict", "NOT_EVALUABLE");
                counts.computeIfAbsent(code, c -> new TreeMap<>()).merge(verdict, 1, Integer::sum);
            }
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        categories.forEach((code, category) -> {
            ObjectNode row = result.addObject();
            row.put("code", code);
            row.put("nameZh", category == null ? "未分类" : Fields.text(category, "nameZh", code));
            row.put("nameEn", category == null ? "Uncategorised" : Fields.text(category, "nameEn", code));
            ObjectNode c = row.putObject("counts");
            List<Map.Entry<String, Integer>> ordered = new ArrayList<>(counts.get(code).entrySet());
            ordered.sort(Comparator.comparingInt((Map.Entry<String, Integer> e) -> Labels.verdictRank(e.getKey())));
            ordered.forEach(e -> c.put(e.getKey(), e.getValue()));
        });
        return result;
    }

    /** The content's own verdictsByCategory, or one computed from its indicators when the content predates it. */
    static JsonNode resolve(JsonNode content) {
        JsonNode given = Fields.array(content, "verdictsByCategory");
        return given != null ? given : of(Fields.array(content, "indicators"));
    }
}

package gov.planmonitor.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.planmonitor.report.client.Downstream;
import gov.planmonitor.report.render.VerdictsByCategory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a report in two steps: fetch (what the other services say, pinned as data) and render (structured
 * content from the pinned data alone, so the same data always gives the same content).
 */
@ApplicationScoped
public class ReportGenerator {

    /** A failure the report's reader should see as the reason (no annual plan for the year, unknown plan). */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final Downstream downstream;
    private final ObjectMapper json;

    public ReportGenerator(Downstream downstream, ObjectMapper json) {
        this.downstream = downstream;
        this.json = json;
    }

    /** Reads what the report needs from the other services, as of a time. */
    public ObjectNode fetch(String type, JsonNode params, String asOf) {
        ObjectNode data = json.createObjectNode();
        data.put("asOf", asOf);
        try {
            switch (type) {
                case "ANNUAL_EXECUTION" -> {
                    int year = params.path("year").asInt();
                    JsonNode plans = downstream.annualPlans(year);
                    if (plans.path("items").isEmpty()) {
                        throw new Refused("there is no annual plan for " + year + " in the indicator service");
                    }
                    String plan = plans.path("items").get(0).path("code").asText();
                    data.set("evaluation", downstream.evaluation(plan, year, asOf));
                    try {
                        data.set("projects", downstream.projectSummary(plan + "-KEY", year));
                    } catch (Downstream.NotFound noList) {
                        data.putNull("projects");
                    }
                }
                case "PLAN_EVALUATION" -> {
                    Integer year = params.hasNonNull("year") ? params.get("year").asInt() : null;
                    data.set("evaluation", downstream.evaluation(params.path("plan").asText(), year, asOf));
                }
                default -> throw new Refused("report type " + type + " is not generated yet");
            }
        } catch (Downstream.NotFound e) {
            throw new Refused(e.getMessage());
        }
        return data;
    }

    /** The structured report, from the pinned data only. */
    public ObjectNode render(String type, JsonNode data) {
        JsonNode evaluation = data.path("evaluation");
        JsonNode plan = evaluation.path("plan");
        int year = evaluation.path("year").asInt();
        ObjectNode report = json.createObjectNode();
        report.put("type", type);
        boolean annual = type.equals("ANNUAL_EXECUTION");
        String stage = evaluation.path("stage").asText();
        report.put("titleZh", annual ? plan.path("titleZh").asText() + "执行情况报告"
                : plan.path("titleZh").asText() + (stage.equals("FINAL") ? "实施情况总结评估报告" : "实施情况中期评估报告"));
        report.put("titleEn", annual ? "Execution report: " + plan.path("titleEn").asText()
                : (stage.equals("FINAL") ? "Final evaluation: " : "Mid-term evaluation: ") + plan.path("titleEn").asText());
        report.put("plan", plan.path("code").asText());
        report.put("year", year);
        report.put("stage", stage);
        report.put("asOf", data.path("asOf").asText());

        List<JsonNode> items = new ArrayList<>();
        evaluation.path("items").forEach(items::add);
        if (!annual) {
            // The plan asks for binding indicators first (第十五章第三节).
            items.sort(Comparator.comparingInt((JsonNode i) -> "BINDING".equals(i.path("attribute").asText()) ? 0 : 1)
                    .thenComparingInt(i -> i.path("seq").asInt()));
        }
        ArrayNode rows = report.putArray("indicators");
        for (JsonNode item : items) {
            ObjectNode row = rows.addObject();
            row.put("code", item.path("code").asText());
            row.put("seq", item.path("seq").asInt());
            row.put("nameZh", item.path("nameZh").asText());
            row.put("nameEn", item.path("nameEn").asText());
            if (item.path("category").isObject()) {
                row.set("category", item.get("category"));
            }
            row.set("attribute", item.path("attribute"));
            row.put("unit", item.path("unit").path("printed").asText());
            row.put("target", item.path("target").path("text").asText());
            row.set("value", item.path("observation").path("value"));
            row.set("growthRate", item.path("observation").path("growthRate"));
            row.set("qualitativeZh", item.path("observation").path("qualitativeZh"));
            row.put("verdict", item.path("verdict").asText());
            row.put("verdictZh", item.path("verdictZh").asText());
            row.put("verdictEn", item.path("verdictEn").asText());
            row.put("explanationZh", item.path("explanation").path("zh").asText());
            row.put("explanationEn", item.path("explanation").path("en").asText());
        }
        report.set("verdictsByCategory", VerdictsByCategory.of(rows));
        report.set("summary", evaluation.path("summary"));
        report.set("projects", data.path("projects"));
        report.put("narrativeZh", narrativeZh(evaluation, data.path("projects")));
        report.put("narrativeEn", narrativeEn(evaluation, data.path("projects")));
        return report;
    }

    private static Map<String, Integer> verdicts(JsonNode evaluation) {
        Map<String, Integer> counts = new TreeMap<>();
        evaluation.path("summary").path("byVerdict").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }

    private static String narrativeZh(JsonNode evaluation, JsonNode projects) {
        Map<String, Integer> v = verdicts(evaluation);
        StringBuilder sb = new StringBuilder();
        sb.append(evaluation.path("year").asInt()).append("年，").append(evaluation.path("summary").path("total").asInt()).append("项主要指标中");
        List<String> parts = new ArrayList<>();
        v.forEach((verdict, n) -> parts.add(n + "项" + zh(verdict)));
        sb.append(String.join("，", parts)).append("。");
        if (projects != null && projects.isObject()) {
            JsonNode inv = projects.path("investment");
            sb.append(projects.path("projectCount").asInt()).append("个重点项目完成投资").append(inv.path("completed").path("display").asText("—"))
                    .append("，完成年度计划投资的").append(inv.path("completionRatio").asText("—")).append("%。");
        }
        return sb.toString();
    }

    private static String narrativeEn(JsonNode evaluation, JsonNode projects) {
        Map<String, Integer> v = verdicts(evaluation);
        List<String> parts = new ArrayList<>();
        v.forEach((verdict, n) -> parts.add(n + " " + verdict.toLowerCase().replace('_', ' ')));
        StringBuilder sb = new StringBuilder("In ").append(evaluation.path("year").asInt()).append(", of ")
                .append(evaluation.path("summary").path("total").asInt()).append(" main indicators: ").append(String.join(", ", parts)).append('.');
        if (projects != null && projects.isObject()) {
            JsonNode inv = projects.path("investment");
            sb.append(' ').append(projects.path("projectCount").asInt()).append(" key projects completed investment of ")
                    .append(inv.path("completed").path("yuan").asText("—")).append(" yuan, ")
                    .append(inv.path("completionRatio").asText("—")).append("% of the year's plan.");
        }
        return sb.toString();
    }

    private static String zh(String verdict) {
        return switch (verdict) {
            case "ACHIEVED" -> "完成";
            case "NOT_ACHIEVED" -> "未完成";
            case "NOT_COMPARABLE" -> "因口径变化不可比";
            case "NOT_EVALUABLE" -> "暂无法评估";
            case "AHEAD" -> "提前完成";
            case "ON_TRACK" -> "达到预期进度";
            case "LAGGING" -> "进度滞后";
            default -> verdict;
        };
    }
}

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

    /** A failure the report's reader should see as the reason (the plan or list no longer exists). */
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
        Integer year = params.hasNonNull("year") ? params.get("year").asInt() : null;
        String plan = params.path("plan").asText(null);
        try {
            switch (type) {
                case "ANNUAL_EXECUTION" -> {
                    data.set("evaluation", downstream.evaluation(plan, year, asOf));
                    data.set("projects", optionalSummary(plan + "-KEY", year));
                }
                case "PLAN_EVALUATION" -> data.set("evaluation", downstream.evaluation(plan, year, asOf));
                case "DEPARTMENT_SCORECARD" -> {
                    data.set("department", downstream.department(params.path("department").asText()));
                    data.set("evaluation", downstream.evaluation(plan, year, asOf));
                }
                case "PROJECT_PROGRESS" -> {
                    String list = params.path("list").asText();
                    data.set("projects", downstream.projectSummary(list, year));
                    data.set("projectRows", allProjects(list));
                }
                default -> throw new Refused("report type " + type + " cannot be generated");
            }
        } catch (Downstream.NotFound e) {
            throw new Refused(e.getMessage());
        }
        return data;
    }

    private JsonNode optionalSummary(String list, Integer year) {
        try {
            return downstream.projectSummary(list, year);
        } catch (Downstream.NotFound noList) {
            return json.nullNode();
        }
    }

    private ArrayNode allProjects(String list) {
        ArrayNode all = json.createArrayNode();
        for (int page = 0; ; page++) {
            JsonNode answer = downstream.projectsPage(list, page);
            answer.path("items").forEach(all::add);
            if (answer.path("items").size() < answer.path("size").asInt(1) || all.size() >= answer.path("total").asLong()) {
                return all;
            }
        }
    }

    /** The structured report, from the pinned data only. */
    public ObjectNode render(String type, JsonNode data) {
        ObjectNode report = json.createObjectNode();
        report.put("type", type);
        JsonNode evaluation = data.path("evaluation");
        JsonNode plan = evaluation.path("plan");
        JsonNode projects = data.path("projects").isObject() ? data.path("projects") : null;
        JsonNode department = data.path("department").isObject() ? data.path("department") : null;
        String stage = evaluation.path("stage").asText(null);
        boolean finalStage = "FINAL".equals(stage);
        Integer year = evaluation.has("year") ? Integer.valueOf(evaluation.path("year").asInt())
                : projects != null && projects.hasNonNull("year") ? Integer.valueOf(projects.path("year").asInt()) : null;
        String yearZh = year == null ? "" : year + "年";
        String yearEn = year == null ? "" : ", " + year;

        switch (type) {
            case "ANNUAL_EXECUTION" -> {
                report.put("titleZh", plan.path("titleZh").asText() + "执行情况报告");
                report.put("titleEn", "Execution report: " + plan.path("titleEn").asText());
            }
            case "PLAN_EVALUATION" -> {
                report.put("titleZh", plan.path("titleZh").asText() + (finalStage ? "实施情况总结评估报告" : "实施情况中期评估报告"));
                report.put("titleEn", (finalStage ? "Final evaluation: " : "Mid-term evaluation: ") + plan.path("titleEn").asText()
                        + (finalStage ? "" : " (" + year + ")"));
            }
            case "DEPARTMENT_SCORECARD" -> {
                report.put("titleZh", department.path("nameZh").asText() + "负责指标完成情况（" + plan.path("titleZh").asText() + "，" + yearZh + "）");
                report.put("titleEn", "Department scorecard: " + department.path("nameEn").asText() + " (" + plan.path("titleEn").asText() + yearEn + ")");
            }
            default -> {
                JsonNode list = projects.path("list");
                report.put("titleZh", list.path("nameZh").asText() + "进展情况报告" + (year == null ? "" : "（" + yearZh + "）"));
                report.put("titleEn", "Project progress: " + list.path("nameEn").asText() + (year == null ? "" : " (" + year + ")"));
            }
        }
        report.put("plan", plan.isObject() ? plan.path("code").asText() : projects.path("list").path("plan").asText(null));
        if (year == null) {
            report.putNull("year");
        } else {
            report.put("year", year);
        }
        report.put("stage", stage);
        report.put("asOf", data.path("asOf").asText());
        report.set("department", department == null ? json.nullNode() : codeName(department));
        report.set("list", projects == null ? json.nullNode() : codeName(projects.path("list")));

        List<JsonNode> items = new ArrayList<>();
        evaluation.path("items").forEach(items::add);
        String departmentCode = department == null ? null : department.path("code").asText();
        if (departmentCode != null) {
            items.removeIf(i -> role(i, departmentCode) == null);
        }
        if (!type.equals("ANNUAL_EXECUTION")) {
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
            row.set("category", codeName(item.path("category")));
            row.set("attribute", item.path("attribute").isTextual() ? item.path("attribute") : json.nullNode());
            row.put("unit", item.path("unit").path("printed").asText());
            row.put("target", item.path("target").path("text").asText());
            JsonNode observation = item.path("observation");
            row.set("value", number(observation.path("value")));
            row.set("growthRate", number(observation.path("growthRate")));
            row.set("qualitativeZh", observation.path("qualitativeZh").isTextual() ? observation.path("qualitativeZh") : json.nullNode());
            row.set("observationStatus", observation.path("status").isTextual() ? observation.path("status") : json.nullNode());
            row.put("verdict", item.path("verdict").asText());
            row.put("verdictZh", item.path("verdictZh").asText());
            row.put("verdictEn", item.path("verdictEn").asText());
            row.put("explanationZh", item.path("explanation").path("zh").asText());
            row.put("explanationEn", item.path("explanation").path("en").asText());
            if (departmentCode != null) {
                row.put("role", role(item, departmentCode));
            }
        }
        report.set("verdictsByCategory", VerdictsByCategory.of(rows));
        report.set("summary", verdictCounts(rows));
        report.set("projects", projects == null ? json.nullNode() : projects);
        report.set("projectRows", projectRows(data.path("projectRows")));
        report.put("narrativeZh", Narrative.zh(report));
        report.put("narrativeEn", Narrative.en(report));
        return report;
    }

    private JsonNode number(JsonNode value) {
        return value.isNumber() ? value : json.nullNode();
    }

    private ObjectNode codeName(JsonNode node) {
        ObjectNode out = json.createObjectNode();
        out.put("code", node.path("code").asText(null));
        out.put("nameZh", node.path("nameZh").asText(null));
        out.put("nameEn", node.path("nameEn").asText(null));
        return out;
    }

    private static String role(JsonNode item, String department) {
        for (JsonNode d : item.path("departments")) {
            if (department.equals(d.path("code").asText())) {
                return d.path("role").asText();
            }
        }
        return null;
    }

    /** Counts of the rows shown (a scorecard shows only the department's), by verdict and attribute. */
    private ObjectNode verdictCounts(ArrayNode rows) {
        Map<String, Integer> byVerdict = new TreeMap<>();
        Map<String, Integer> byAttribute = new TreeMap<>();
        for (JsonNode row : rows) {
            byVerdict.merge(row.path("verdict").asText(), 1, Integer::sum);
            byAttribute.merge(row.path("attribute").isTextual() ? row.path("attribute").asText() : "NONE", 1, Integer::sum);
        }
        ObjectNode summary = json.createObjectNode();
        summary.put("total", rows.size());
        summary.set("byVerdict", json.valueToTree(byVerdict));
        summary.set("byAttribute", json.valueToTree(byAttribute));
        return summary;
    }

    private ArrayNode projectRows(JsonNode projects) {
        ArrayNode rows = json.createArrayNode();
        for (JsonNode p : projects) {
            ObjectNode row = rows.addObject();
            row.put("code", p.path("id").asText());
            row.set("seq", p.path("seq").isNumber() ? p.path("seq") : json.nullNode());
            row.put("nameZh", p.path("nameZh").asText());
            row.put("nameEn", p.path("nameEn").asText());
            row.set("category", codeName(p.path("category")));
            row.put("status", p.path("status").asText());
            row.set("zone", p.path("zone").isObject() ? codeName(p.path("zone")) : json.nullNode());
            row.set("progressPercent", number(p.path("progressPercent")));
            row.set("planned", p.path("plannedToDate").isObject() ? p.path("plannedToDate") : json.nullNode());
            row.set("completed", p.path("completedToDate").isObject() ? p.path("completedToDate") : json.nullNode());
            row.put("overdueMilestones", p.path("overdueMilestones").asInt());
        }
        return rows;
    }

}

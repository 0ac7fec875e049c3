package gov.planmonitor.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.planmonitor.report.client.Downstream;
import gov.planmonitor.report.mapping.ListSummaryDto;
import gov.planmonitor.report.mapping.ReportContentDto;
import gov.planmonitor.report.mapping.ReportContentDto.CategoryVerdictsDto;
import gov.planmonitor.report.mapping.ReportContentDto.CodeNameDto;
import gov.planmonitor.report.mapping.ReportContentDto.IndicatorRowDto;
import gov.planmonitor.report.mapping.ReportContentDto.ProjectRowDto;
import gov.planmonitor.report.mapping.ReportContentDto.VerdictCountsDto;
import gov.planmonitor.report.render.VerdictsByCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import static gov.planmonitor.report.client.Downstream.INDICATOR_SERVICE;
import static gov.planmonitor.report.client.Downstream.PROJECT_SERVICE;

/**
 * Builds a report in two steps: fetch (what the other services say, pinned as data) and render (structured
 * content from the pinned data alone, so the same data always gives the same content).
 */
@ApplicationScoped
public class ReportGenerator {

    /** A failure the report's reader should see as the reason (the plan or list no longer exists); names no host. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final Downstream downstream;
    private final ObjectMapper json;
    @Inject
    Narrative narrative;

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
                    data.set("evaluation", from(INDICATOR_SERVICE, () -> downstream.evaluation(plan, year, asOf)));
                    data.set("projects", optionalSummary(plan + "-KEY", year));
                }
                case "PLAN_EVALUATION" -> data.set("evaluation", from(INDICATOR_SERVICE, () -> downstream.evaluation(plan, year, asOf)));
                case "DEPARTMENT_SCORECARD" -> {
                    data.set("department", from(INDICATOR_SERVICE, () -> downstream.department(params.path("department").asText())));
                    data.set("evaluation", from(INDICATOR_SERVICE, () -> downstream.evaluation(plan, year, asOf)));
                }
                case "PROJECT_PROGRESS" -> {
                    String list = params.path("list").asText();
                    data.set("projects", from(PROJECT_SERVICE, () -> downstream.projectSummary(list, year)));
                    data.set("projectRows", allProjects(list));
                }
                default -> throw new Refused("report type " + type + " cannot be generated");
            }
        } catch (Downstream.NotFound e) {
            throw new Refused(e.getMessage());
        }
        return data;
    }

    /**
     * A read from a service; the refusals of fault tolerance around {@link Downstream} (its timeout, its open circuit
     * breaker), which name no service, become the {@link Downstream.Unavailable} of the service read.
     */
    private static JsonNode from(String service, Supplier<JsonNode> read) {
        try {
            return read.get();
        } catch (FaultToleranceException e) {
            throw Downstream.Unavailable.of(service, null, e);
        }
    }

    private JsonNode optionalSummary(String list, Integer year) {
        try {
            return from(PROJECT_SERVICE, () -> downstream.projectSummary(list, year));
        } catch (Downstream.NotFound noList) {
            return json.nullNode();
        }
    }

    private ArrayNode allProjects(String list) {
        ArrayNode all = json.createArrayNode();
        for (int page = 0; ; page++) {
            int number = page;
            JsonNode answer = from(PROJECT_SERVICE, () -> downstream.projectsPage(list, number));
            answer.path("items").forEach(all::add);
            if (answer.path("items").size() < answer.path("size").asInt(1) || all.size() >= answer.path("total").asLong()) {
                return all;
            }
        }
    }

    /**
     * The structured report, from the pinned data only: built as the contract's ReportContent record, so what is stored
     * and served is what the contract describes.
     */
    public ReportContentDto render(String type, JsonNode data) {
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

        String titleZh;
        String titleEn;
        switch (type) {
            case "ANNUAL_EXECUTION" -> {
                titleZh = plan.path("titleZh").asText() + "执行情况报告";
                titleEn = "Execution report: " + plan.path("titleEn").asText();
            }
            case "PLAN_EVALUATION" -> {
                titleZh = plan.path("titleZh").asText() + (finalStage ? "实施情况总结评估报告" : "实施情况中期评估报告");
                titleEn = (finalStage ? "Final evaluation: " : "Mid-term evaluation: ") + plan.path("titleEn").asText()
                        + (finalStage ? "" : " (" + year + ")");
            }
            case "DEPARTMENT_SCORECARD" -> {
                titleZh = department.path("nameZh").asText() + "负责指标完成情况（" + plan.path("titleZh").asText() + "，" + yearZh + "）";
                titleEn = "Department scorecard: " + department.path("nameEn").asText() + " (" + plan.path("titleEn").asText() + yearEn + ")";
            }
            default -> {
                JsonNode list = projects.path("list");
                titleZh = list.path("nameZh").asText() + "进展情况报告" + (year == null ? "" : "（" + yearZh + "）");
                titleEn = "Project progress: " + list.path("nameEn").asText() + (year == null ? "" : " (" + year + ")");
            }
        }
        String planCode = plan.isObject() ? plan.path("code").asText() : projects.path("list").path("plan").asText(null);

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
        List<IndicatorRowDto> rows = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode observation = item.path("observation");
            rows.add(new IndicatorRowDto(item.path("code").asText(), item.path("seq").asInt(), item.path("nameZh").asText(),
                    item.path("nameEn").asText(), codeName(item.path("category")), textOrNull(item.path("attribute")),
                    item.path("unit").path("printed").asText(), item.path("target").path("text").asText(),
                    number(observation.path("value")), number(observation.path("growthRate")), textOrNull(observation.path("qualitativeZh")),
                    textOrNull(observation.path("status")), item.path("verdict").asText(), item.path("verdictZh").asText(),
                    item.path("verdictEn").asText(), item.path("explanation").path("zh").asText(), item.path("explanation").path("en").asText(),
                    departmentCode == null ? null : role(item, departmentCode)));
        }
        List<CategoryVerdictsDto> byCategory = VerdictsByCategory.of(rows);
        ReportContentDto content = new ReportContentDto(type, titleZh, titleEn, planCode, year, stage, data.path("asOf").asText(),
                department == null ? null : codeName(department), projects == null ? null : codeName(projects.path("list")),
                rows, byCategory, verdictCounts(rows), projects == null ? null : json.convertValue(projects, ListSummaryDto.class),
                projectRows(data.path("projectRows")), null, null);
        return narrative.write(content);
    }

    private static BigDecimal number(JsonNode value) {
        return value.isNumber() ? value.decimalValue() : null;
    }

    private static String textOrNull(JsonNode value) {
        return value.isTextual() ? value.asText() : null;
    }

    private static CodeNameDto codeName(JsonNode node) {
        return new CodeNameDto(node.path("code").asText(null), node.path("nameZh").asText(null), node.path("nameEn").asText(null));
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
    private static VerdictCountsDto verdictCounts(List<IndicatorRowDto> rows) {
        Map<String, Integer> byVerdict = new TreeMap<>();
        Map<String, Integer> byAttribute = new TreeMap<>();
        for (IndicatorRowDto row : rows) {
            byVerdict.merge(row.verdict(), 1, Integer::sum);
            byAttribute.merge(row.attribute() != null ? row.attribute() : "NONE", 1, Integer::sum);
        }
        return new VerdictCountsDto(rows.size(), byVerdict, byAttribute);
    }

    private List<ProjectRowDto> projectRows(JsonNode projects) {
        List<ProjectRowDto> rows = new ArrayList<>();
        for (JsonNode p : projects) {
            rows.add(new ProjectRowDto(p.path("id").asText(), p.path("seq").isNumber() ? Integer.valueOf(p.path("seq").asInt()) : null,
                    p.path("nameZh").asText(), p.path("nameEn").asText(), codeName(p.path("category")), p.path("status").asText(),
                    p.path("zone").isObject() ? codeName(p.path("zone")) : null, number(p.path("progressPercent")),
                    money(p.path("plannedToDate")), money(p.path("completedToDate")), p.path("overdueMilestones").asInt()));
        }
        return rows;
    }

    private ListSummaryDto.MoneyDto money(JsonNode value) {
        return value.isObject() ? json.convertValue(value, ListSummaryDto.MoneyDto.class) : null;
    }
}

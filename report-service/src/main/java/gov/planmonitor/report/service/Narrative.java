package gov.planmonitor.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import gov.planmonitor.report.render.Labels;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary in words, generated from the numbers of a rendered report only, in the phrasing the bureau's own
 * reports use ("43个重点项目完成投资23.9亿元，完成年度计划投资的112.5%").
 */
final class Narrative {

    private static final BigDecimal BILLION = new BigDecimal("1000000000");
    private static final BigDecimal MILLION = new BigDecimal("1000000");

    private Narrative() {
    }

    static String zh(JsonNode r) {
        StringBuilder sb = new StringBuilder();
        JsonNode summary = r.path("summary");
        int total = summary.path("total").asInt();
        if (total > 0) {
            if (r.hasNonNull("year")) {
                sb.append(r.path("type").asText().equals("PLAN_EVALUATION") ? "截至" : "").append(r.path("year").asInt()).append("年，");
            }
            if (r.path("department").isObject()) {
                sb.append(r.path("department").path("nameZh").asText()).append("负责的");
            }
            sb.append(total).append("项").append(r.path("type").asText().equals("ANNUAL_EXECUTION") ? "主要" : "").append("指标中");
            List<String> parts = new ArrayList<>();
            for (Labels.Verdict verdict : Labels.VERDICTS) {
                int n = summary.path("byVerdict").path(verdict.code()).asInt();
                if (n > 0) {
                    parts.add(n + "项" + verdict.zh());
                }
            }
            sb.append(String.join("，", parts)).append("。");
            int binding = summary.path("byAttribute").path("BINDING").asInt();
            if (binding > 0) {
                long bindingAchieved = count(r, "BINDING", "ACHIEVED", "AHEAD", "ON_TRACK");
                sb.append("约束性指标").append(binding).append("项，其中").append(bindingAchieved).append("项完成或达到预期进度。");
            }
        }
        JsonNode projects = r.path("projects");
        if (projects.isObject()) {
            JsonNode investment = projects.path("investment");
            int count = projects.path("projectCount").asInt();
            boolean annual = projects.hasNonNull("year");
            if (count > 0 && !hasInvestment(investment)) {
                sb.append(count).append("个重点项目尚无投资数据。");
            } else if (count > 0) {
                sb.append(count).append("个重点项目").append(annual ? "" : "累计").append("完成投资")
                        .append(investment.path("completed").path("display").asText("0元"));
                if (investment.hasNonNull("completionRatio")) {
                    sb.append(annual ? "，完成年度计划投资的" : "，为计划投资的").append(investment.path("completionRatio").asText()).append("%");
                }
                sb.append("。");
            }
            if (count > 0) {
                List<String> statuses = new ArrayList<>();
                projects.path("byStatus").fields().forEachRemaining(e -> {
                    if (e.getValue().asInt() > 0) {
                        statuses.add(Labels.statusZh(e.getKey()) + e.getValue().asInt() + "个");
                    }
                });
                if (!statuses.isEmpty()) {
                    sb.append("项目状态：").append(String.join("，", statuses)).append("。");
                }
                int overdue = projects.path("overdueMilestones").size();
                if (overdue > 0) {
                    sb.append(overdue).append("个里程碑逾期未完成。");
                }
            }
            JsonNode reported = projects.path("list").path("reported");
            if (reported.isObject() && reported.hasNonNull("projectCount")) {
                sb.append("公布数据：").append(reported.path("projectCount").asInt()).append("个项目");
                if (reported.path("completedInvestment").isObject()) {
                    sb.append("完成投资").append(reported.path("completedInvestment").path("display").asText());
                }
                if (reported.hasNonNull("plannedInvestmentShare")) {
                    sb.append("，完成年度计划投资的").append(reported.path("plannedInvestmentShare").asText()).append("%");
                }
                sb.append("。");
                if (count == 0) {
                    sb.append("成员项目尚未逐项录入，以上为公布数据。");
                }
            }
        }
        return sb.toString();
    }

    static String en(JsonNode r) {
        StringBuilder sb = new StringBuilder();
        JsonNode summary = r.path("summary");
        int total = summary.path("total").asInt();
        if (total > 0) {
            sb.append(!r.hasNonNull("year") ? "Of " : r.path("type").asText().equals("PLAN_EVALUATION") ? "By " + r.path("year").asInt() + ", of "
                    : "In " + r.path("year").asInt() + ", of ").append(total);
            if (r.path("department").isObject()) {
                sb.append(" indicators ").append(r.path("department").path("nameEn").asText()).append(" is responsible for: ");
            } else {
                sb.append(r.path("type").asText().equals("ANNUAL_EXECUTION") ? " main indicators: " : " indicators: ");
            }
            List<String> parts = new ArrayList<>();
            for (Labels.Verdict verdict : Labels.VERDICTS) {
                int n = summary.path("byVerdict").path(verdict.code()).asInt();
                if (n > 0) {
                    parts.add(n + " " + verdict.en().toLowerCase());
                }
            }
            sb.append(String.join(", ", parts)).append('.');
            int binding = summary.path("byAttribute").path("BINDING").asInt();
            if (binding > 0) {
                sb.append(" Of ").append(binding).append(" binding indicators, ").append(count(r, "BINDING", "ACHIEVED", "AHEAD", "ON_TRACK"))
                        .append(" were achieved or on track.");
            }
        }
        JsonNode projects = r.path("projects");
        if (projects.isObject()) {
            JsonNode investment = projects.path("investment");
            int count = projects.path("projectCount").asInt();
            boolean annual = projects.hasNonNull("year");
            if (count > 0 && !hasInvestment(investment)) {
                sb.append(sb.isEmpty() ? "" : " ").append(count).append(" key projects have no investment figures yet.");
            } else if (count > 0) {
                sb.append(sb.isEmpty() ? "" : " ").append(count).append(" key projects completed investment of ")
                        .append(yuanEn(investment.path("completed").path("yuan")));
                if (investment.hasNonNull("completionRatio")) {
                    sb.append(", ").append(investment.path("completionRatio").asText()).append(annual ? "% of the year's plan" : "% of plan");
                }
                sb.append('.');
                int overdue = projects.path("overdueMilestones").size();
                if (overdue > 0) {
                    sb.append(' ').append(overdue).append(" milestones are overdue.");
                }
            }
            JsonNode reported = projects.path("list").path("reported");
            if (reported.isObject() && reported.hasNonNull("projectCount")) {
                sb.append(sb.isEmpty() ? "" : " ").append("As published: ").append(reported.path("projectCount").asInt()).append(" projects");
                if (reported.path("completedInvestment").isObject()) {
                    sb.append(" completed investment of ").append(yuanEn(reported.path("completedInvestment").path("yuan")));
                }
                if (reported.hasNonNull("plannedInvestmentShare")) {
                    sb.append(", ").append(reported.path("plannedInvestmentShare").asText()).append("% of the year's plan");
                }
                sb.append('.');
                if (count == 0) {
                    sb.append(" Member projects are not yet recorded one by one; these are the published figures.");
                }
            }
        }
        return sb.toString();
    }

    private static boolean hasInvestment(JsonNode investment) {
        return investment.path("planned").path("yuan").asDouble() != 0 || investment.path("completed").path("yuan").asDouble() != 0;
    }

    /** 2390000000 → "CNY 2.39 billion", the way English-language government documents print amounts. */
    static String yuanEn(JsonNode yuan) {
        BigDecimal amount = yuan.isNumber() ? yuan.decimalValue() : BigDecimal.ZERO;
        BigDecimal abs = amount.abs();
        if (abs.compareTo(BILLION) >= 0) {
            return "CNY " + amount.divide(BILLION, 3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " billion";
        }
        if (abs.compareTo(MILLION) >= 0) {
            return "CNY " + amount.divide(MILLION, 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " million";
        }
        return "CNY " + amount.stripTrailingZeros().toPlainString();
    }

    private static long count(JsonNode r, String attribute, String... verdicts) {
        long n = 0;
        for (JsonNode row : r.path("indicators")) {
            if (attribute.equals(row.path("attribute").asText()) && List.of(verdicts).contains(row.path("verdict").asText())) {
                n++;
            }
        }
        return n;
    }
}

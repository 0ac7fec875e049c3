package gov.planmonitor.report.render;

import java.util.List;

/** Chinese and English labels and colours of the codes reports carry (verdicts, stages, types, project statuses). */
public final class Labels {

    private Labels() {
    }

    public record Verdict(String code, String zh, String en, String colour) {
    }

    /** Display order: positive first, then behind, then the ones that could not be judged. */
    public static final List<Verdict> VERDICTS = List.of(
            new Verdict("AHEAD", "提前完成", "Ahead of schedule", "#1e7b34"),
            new Verdict("ACHIEVED", "完成", "Achieved", "#2e8540"),
            new Verdict("ON_TRACK", "达到预期进度", "On track", "#1f5fa8"),
            new Verdict("LAGGING", "进度滞后", "Lagging", "#c0392b"),
            new Verdict("NOT_ACHIEVED", "未完成", "Not achieved", "#b02a1f"),
            new Verdict("NOT_COMPARABLE", "因口径变化不可比", "Not comparable", "#57606a"),
            new Verdict("NOT_EVALUABLE", "暂无法评估", "Not evaluable yet", "#7d868f"));

    public static Verdict verdict(String code) {
        for (Verdict v : VERDICTS) {
            if (v.code().equals(code)) {
                return v;
            }
        }
        return new Verdict(code == null ? "UNKNOWN" : code, code == null ? "—" : code, code == null ? "—" : code, "#7d868f");
    }

    static int verdictRank(String code) {
        for (int i = 0; i < VERDICTS.size(); i++) {
            if (VERDICTS.get(i).code().equals(code)) {
                return i;
            }
        }
        return VERDICTS.size();
    }

    static String stageZh(String stage) {
        return switch (stage == null ? "" : stage) {
            case "FINAL" -> "终期";
            case "MID_TERM", "MIDTERM", "INTERIM" -> "中期";
            case "ANNUAL" -> "年度";
            default -> stage;
        };
    }

    static String stageEn(String stage) {
        return switch (stage == null ? "" : stage) {
            case "FINAL" -> "final";
            case "MID_TERM", "MIDTERM", "INTERIM" -> "mid-term";
            case "ANNUAL" -> "annual";
            default -> stage;
        };
    }

    static String typeZh(String type) {
        return switch (type == null ? "" : type) {
            case "ANNUAL_EXECUTION" -> "年度计划执行情况";
            case "PLAN_EVALUATION" -> "规划实施评估";
            case "DEPARTMENT_SCORECARD" -> "部门指标完成情况";
            case "PROJECT_PROGRESS" -> "重点项目进展";
            default -> type;
        };
    }

    static String typeEn(String type) {
        return switch (type == null ? "" : type) {
            case "ANNUAL_EXECUTION" -> "Annual plan execution";
            case "PLAN_EVALUATION" -> "Plan evaluation";
            case "DEPARTMENT_SCORECARD" -> "Department scorecard";
            case "PROJECT_PROGRESS" -> "Key project progress";
            default -> type;
        };
    }

    static String attributeZh(String attribute) {
        return switch (attribute == null ? "" : attribute) {
            case "BINDING" -> "约束性";
            case "EXPECTED" -> "预期性";
            default -> null;
        };
    }

    public static String statusZh(String status) {
        return switch (status == null ? "" : status) {
            case "IDENTIFICATION" -> "谋划储备";
            case "PREPARATION" -> "前期工作";
            case "IMPLEMENTATION" -> "建设实施";
            case "COMPLETION" -> "竣工验收";
            case "COMPLETED" -> "建成";
            case "SUSPENDED" -> "暂停";
            case "CANCELLED" -> "取消";
            default -> status;
        };
    }

    static String statusEn(String status) {
        return switch (status == null ? "" : status) {
            case "IDENTIFICATION" -> "Identification";
            case "PREPARATION" -> "Preparation";
            case "IMPLEMENTATION" -> "Under construction";
            case "COMPLETION" -> "Completion";
            case "COMPLETED" -> "Completed";
            case "SUSPENDED" -> "Suspended";
            case "CANCELLED" -> "Cancelled";
            default -> status;
        };
    }
}

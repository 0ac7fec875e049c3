package gov.planmonitor.indicator.service.rules;

/** The verdicts of an evaluation, with the words the bureau's reports use. */
public enum Verdict {
    ACHIEVED("完成", "Achieved"),
    NOT_ACHIEVED("未完成", "Not achieved"),
    NOT_COMPARABLE("口径变化，不可比", "Not comparable (statistical caliber changed)"),
    NOT_EVALUABLE("暂无法评估", "Not evaluable yet"),
    AHEAD("提前完成", "Ahead (target already reached)"),
    ON_TRACK("达到预期进度", "On track"),
    LAGGING("进度滞后", "Lagging");

    public final String zh;
    public final String en;

    Verdict(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** How good a verdict is, for comparing two of the same stage: NOT_ACHIEVED < ACHIEVED, LAGGING < ON_TRACK < AHEAD. */
    public int rank() {
        return switch (this) {
            case NOT_ACHIEVED, LAGGING -> 0;
            case ON_TRACK -> 1;
            case ACHIEVED, AHEAD -> 2;
            default -> -1;
        };
    }
}

package gov.planmonitor.indicator.evaluation.rules;

/** The verdicts of an evaluation; their names in words are in the evaluation's message bundle (messages/evaluation_*.properties). */
public enum Verdict {
    ACHIEVED,
    NOT_ACHIEVED,
    NOT_COMPARABLE,
    NOT_EVALUABLE,
    AHEAD,
    ON_TRACK,
    LAGGING;

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

package gov.planmonitor.report.render;

import java.util.List;
import java.util.Map;

/** The verdict codes in display order with their colours; their words are the {@code verdict} message of {@link Wording}. */
public final class Verdicts {

    /** Display order: positive first, then behind, then the ones that could not be judged. */
    public static final List<String> ORDER = List.of("AHEAD", "ACHIEVED", "ON_TRACK", "LAGGING", "NOT_ACHIEVED", "NOT_COMPARABLE", "NOT_EVALUABLE");

    private static final Map<String, String> COLOURS = Map.of("AHEAD", "#1e7b34", "ACHIEVED", "#2e8540", "ON_TRACK", "#1f5fa8",
            "LAGGING", "#c0392b", "NOT_ACHIEVED", "#b02a1f", "NOT_COMPARABLE", "#57606a", "NOT_EVALUABLE", "#7d868f");
    private static final String UNKNOWN = "#7d868f";

    private Verdicts() {
    }

    static String colour(String code) {
        return code == null ? UNKNOWN : COLOURS.getOrDefault(code, UNKNOWN);
    }

    static int rank(String code) {
        int i = ORDER.indexOf(code);
        return i < 0 ? ORDER.size() : i;
    }
}

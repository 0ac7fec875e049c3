package gov.planmonitor.indicator.evaluation.rules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Growth in step with the economy stated in words: the official statement decides, read by hand from the reports' phrasing. */
class StatedInStepTest {

    private static final VerdictRules.Stage FINAL = VerdictRules.Stage.of(2017, 2017, 2017);
    private static final VerdictRules.Stage DURING = VerdictRules.Stage.of(2016, 2020, 2017);

    @Test
    void inStepIsMetAndItsNegationIsNot() {
        assertEquals(Verdict.ACHIEVED, VerdictRules.statedInStep("与经济增长基本同步", FINAL));
        assertEquals(Verdict.ON_TRACK, VerdictRules.statedInStep("与经济增长同步", DURING));
        assertEquals(Verdict.NOT_ACHIEVED, VerdictRules.statedInStep("未与经济增长同步", FINAL));
        assertEquals(Verdict.NOT_ACHIEVED, VerdictRules.statedInStep("低于经济增长", FINAL));
        assertEquals(Verdict.LAGGING, VerdictRules.statedInStep("增速慢于经济增长", DURING));
    }

    @Test
    void wordsThatDoNotSpeakOfItDecideNothing() {
        assertNull(VerdictRules.statedInStep("预计可完成", FINAL));
    }
}

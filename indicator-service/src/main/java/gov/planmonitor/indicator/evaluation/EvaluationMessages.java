package gov.planmonitor.indicator.evaluation;

import gov.planmonitor.indicator.evaluation.rules.Verdict;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The evaluation's wording: every verdict name and explanation it writes, in Chinese (messages/evaluation_zh.properties,
 * the bureau's language and the default) and English (messages/evaluation_en.properties). Changing a sentence is a change
 * of those files; Quarkus checks at build time that each message uses only its parameters. Numbers come formatted (as
 * shown in the explanation's numbers), an optional part as null or false; EvaluationWording fills them.
 */
@MessageBundle(value = "evaluation", locale = "zh")
public interface EvaluationMessages {

    /** The verdict's name (verdictZh, verdictEn), keys verdict_$ACHIEVED …. */
    @Message
    String verdict(Verdict verdict);

    /** The verdict as the end of a sentence ("…，完成", "…: achieved"), keys verdictInText_$ACHIEVED …. */
    @Message
    String verdictInText(Verdict verdict);

    @Message
    String noTarget();

    /** An expected indicator's 左右 band, shown after the target. */
    @Message
    String bandTolerance(String tolerance);

    /** A binding indicator's printed 左右, which it does not get. */
    @Message
    String bandBinding();

    @Message
    String noValue(int year);

    @Message
    String caliberChanged(String value);

    @Message
    String estimatePending(String words);

    @Message
    String wordsOnly(String words);

    @Message
    String qualitative(int baseYear, String baseline, int year, String value, String unit);

    /** The value against the target, which the level sentences below begin with. */
    @Message
    String levelCompare(boolean growth, String value, String unit, String target, String band);

    @Message
    String levelNoBaseline(String compare, int baseYear);

    @Message
    String levelProgress(String compare, boolean estimate, int baseYear, String baseline, String share, String expected, String verdict);

    @Message
    String levelAhead(String compare, boolean estimate);

    @Message
    String levelJudged(String compare, boolean estimate, String verdict);

    @Message
    String periodAverageGrowth(int startYear, int endYear, String average, String target, String band, String verdict);

    @Message
    String averageGrowth(String years, String average, String missing, String target, String band, String verdict);

    @Message
    String missingGrowthRates(String years);

    @Message
    String missingDeclineRates(String years);

    @Message
    String missingSumYears(String years);

    @Message
    String missingReferenceGrowth(String years);

    @Message
    String cumulativeDecline(String decline, String target, String expected, String share, String verdict);

    @Message
    String averageDecline(String years, String average, String target, String band, String verdict);

    @Message
    String cumulativeSum(String years, String sum, String unit, String target, String expected, String verdict);

    @Message
    String taskNotRecorded(int year);

    @Message
    String task(String target, boolean done, String evidence, boolean dueAtEnd, String verdict);

    @Message
    String fromBaseNoBaseline(String value, String unit, String target, int baseYear);

    @Message
    String fromBase(String value, String unit, String target, int baseYear, String baseline, String required, String expected, String verdict);

    @Message
    String inStep(String growth, String reference, String referenceGrowth, String target, String verdict);

    @Message
    String averageInStep(String years, String growth, String reference, String referenceGrowth, String target, String verdict);

    @Message
    String officialStatement(String words, String target, String verdict);

    @Message
    String noReferenceGrowth(int year);
}

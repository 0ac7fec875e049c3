package gov.planmonitor.indicator.evaluation;

import gov.planmonitor.indicator.indicators.Indicator;
import gov.planmonitor.indicator.observations.Observation;
import gov.planmonitor.indicator.targets.Target;
import gov.planmonitor.indicator.evaluation.rules.Verdict;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;

import static gov.planmonitor.indicator.indicators.IndicatorMapper.strip;

/**
 * Fills the evaluation's messages (EvaluationMessages) in both languages: numbers formatted as the explanation shows them,
 * the indicator's and the observation's own words in the reader's language. The sentences themselves are in
 * messages/evaluation_*.properties.
 */
@ApplicationScoped
public class EvaluationWording {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A sentence in both languages. */
    public record Words(String zh, String en) {
    }

    /** A value against its target, which the sentences on one year's level begin with; estimate: the value is provisional. */
    record Compared(boolean growth, BigDecimal value, String unit, Indicator indicator, Target target, boolean estimate) {
    }

    /** One language: its messages and which of the data's two wordings it reads. */
    private record Lang(EvaluationMessages say, boolean chinese) {
        String verdict(Verdict verdict) {
            return say.verdictInText(verdict);
        }

        String name(Indicator indicator) {
            return chinese ? indicator.nameZh : indicator.nameEnOrZh();
        }

        String words(Observation o) {
            return chinese ? o.qualitativeZh : o.qualitativeEn;
        }

        /** An official statement is quoted in Chinese where it has no English. */
        String statement(Observation o) {
            return chinese || o.qualitativeEn == null ? o.qualitativeZh : o.qualitativeEn;
        }

        /** The 左右 band after a target: none printed, a binding indicator's (which it does not get), or the tolerance. */
        String band(Indicator indicator, Target target) {
            if (target.tolerance == null) {
                return "";
            }
            return indicator.attribute == Indicator.Attribute.BINDING ? say.bandBinding() : say.bandTolerance(fmt(target.tolerance));
        }

        String compare(Compared c) {
            return say.levelCompare(c.growth(), fmt(c.value()), c.unit(), c.target().text, band(c.indicator(), c.target()));
        }
    }

    private final Lang zh;
    private final Lang en;

    public EvaluationWording(EvaluationMessages zh, @Localized("en") EvaluationMessages en) {
        this.zh = new Lang(zh, true);
        this.en = new Lang(en, false);
    }

    private Words words(Function<Lang, String> sentence) {
        return new Words(sentence.apply(zh), sentence.apply(en));
    }

    public Words verdict(Verdict verdict) {
        return words(l -> l.say().verdict(verdict));
    }

    Words noTarget() {
        return words(l -> l.say().noTarget());
    }

    Words noValue(int year) {
        return words(l -> l.say().noValue(year));
    }

    Words caliberChanged(BigDecimal value) {
        return words(l -> l.say().caliberChanged(fmt(value)));
    }

    Words estimatePending(Observation o) {
        return words(l -> l.say().estimatePending(l.words(o)));
    }

    Words wordsOnly(Observation o) {
        return words(l -> l.say().wordsOnly(l.words(o)));
    }

    Words qualitative(int baseYear, BigDecimal baseline, int year, BigDecimal value, String unit) {
        return words(l -> l.say().qualitative(baseYear, baseline == null ? null : fmt(baseline), year, value == null ? null : fmt(value), unit));
    }

    Words levelNoBaseline(Compared c, int baseYear) {
        return words(l -> l.say().levelNoBaseline(l.compare(c), baseYear));
    }

    Words levelProgress(Compared c, int baseYear, BigDecimal baseline, BigDecimal share, BigDecimal expected, Verdict verdict) {
        return words(l -> l.say().levelProgress(l.compare(c), c.estimate(), baseYear, fmt(baseline), pct(share), fmt(expected), l.verdict(verdict)));
    }

    Words levelAhead(Compared c) {
        return words(l -> l.say().levelAhead(l.compare(c), c.estimate()));
    }

    Words levelJudged(Compared c, Verdict verdict) {
        return words(l -> l.say().levelJudged(l.compare(c), c.estimate(), l.verdict(verdict)));
    }

    Words periodAverageGrowth(int startYear, int endYear, BigDecimal average, Indicator indicator, Target target, Verdict verdict) {
        return words(l -> l.say().periodAverageGrowth(startYear, endYear, fmt(average), target.text, l.band(indicator, target), l.verdict(verdict)));
    }

    Words averageGrowth(List<Integer> years, BigDecimal average, List<Integer> missing, Indicator indicator, Target target, Verdict verdict) {
        String gaps = missing.isEmpty() ? null : missing.toString();
        return words(l -> l.say().averageGrowth(years.toString(), fmt(average), gaps, target.text, l.band(indicator, target), l.verdict(verdict)));
    }

    Words missingGrowthRates(List<Integer> years) {
        return words(l -> l.say().missingGrowthRates(years.toString()));
    }

    Words missingDeclineRates(List<Integer> years) {
        return words(l -> l.say().missingDeclineRates(years.toString()));
    }

    Words missingSumYears(List<Integer> years) {
        return words(l -> l.say().missingSumYears(years.toString()));
    }

    Words missingReferenceGrowth(List<Integer> years) {
        return words(l -> l.say().missingReferenceGrowth(years.toString()));
    }

    /** The target as printed, with its % after the number where the text left it out (19 → 19%, 15以上 → 15%以上). */
    Words cumulativeDecline(BigDecimal decline, Target target, BigDecimal expected, BigDecimal share, Verdict verdict) {
        String printed = target.text.contains("%") ? target.text : target.text.replaceFirst("(\\d+(?:\\.\\d+)?)", "$1%");
        return words(l -> l.say().cumulativeDecline(fmt(decline), printed, expected == null ? null : fmt(expected), pct(share), l.verdict(verdict)));
    }

    Words averageDecline(List<Integer> years, BigDecimal average, Indicator indicator, Target target, Verdict verdict) {
        return words(l -> l.say().averageDecline(years.toString(), fmt(average), target.text, l.band(indicator, target), l.verdict(verdict)));
    }

    Words cumulativeSum(List<Integer> years, BigDecimal sum, String unit, Target target, BigDecimal expected, Verdict verdict) {
        return words(l -> l.say().cumulativeSum(years.toString(), fmt(sum), unit, target.text, expected == null ? null : fmt(expected),
                l.verdict(verdict)));
    }

    Words taskNotRecorded(int year) {
        return words(l -> l.say().taskNotRecorded(year));
    }

    Words task(Target target, Observation o, Verdict verdict) {
        boolean dueAtEnd = verdict == Verdict.NOT_EVALUABLE;
        return words(l -> l.say().task(target.text, o.completed, String.valueOf(o.evidence), dueAtEnd, l.verdict(verdict)));
    }

    Words fromBaseNoBaseline(BigDecimal value, String unit, Target target, int baseYear) {
        return words(l -> l.say().fromBaseNoBaseline(fmt(value), unit, target.text, baseYear));
    }

    Words fromBase(BigDecimal value, String unit, Target target, int baseYear, BigDecimal baseline, BigDecimal required, BigDecimal expected,
                   Verdict verdict) {
        return words(l -> l.say().fromBase(fmt(value), unit, target.text, baseYear, fmt(baseline), fmt(required),
                expected == null ? null : fmt(expected), l.verdict(verdict)));
    }

    Words inStep(BigDecimal growth, Indicator reference, BigDecimal referenceGrowth, Target target, Verdict verdict) {
        return words(l -> l.say().inStep(fmt(growth), l.name(reference), fmt(referenceGrowth), target.text, l.verdict(verdict)));
    }

    Words averageInStep(List<Integer> years, BigDecimal growth, Indicator reference, BigDecimal referenceGrowth, Target target, Verdict verdict) {
        return words(l -> l.say().averageInStep(years.toString(), fmt(growth), l.name(reference), fmt(referenceGrowth), target.text,
                l.verdict(verdict)));
    }

    Words officialStatement(Observation o, Target target, Verdict verdict) {
        return words(l -> l.say().officialStatement(l.statement(o), target.text, l.verdict(verdict)));
    }

    Words noReferenceGrowth(int year) {
        return words(l -> l.say().noReferenceGrowth(year));
    }

    /** A number as the explanation's numbers show it (no trailing zeros, never in exponent form); — for none. */
    private static String fmt(BigDecimal value) {
        return value == null ? "—" : strip(value).toPlainString();
    }

    /** A share of the period in whole per cent: 0.4 → 40%. */
    private static String pct(BigDecimal share) {
        return strip(share.multiply(HUNDRED).setScale(0, RoundingMode.HALF_UP)).toPlainString() + "%";
    }
}

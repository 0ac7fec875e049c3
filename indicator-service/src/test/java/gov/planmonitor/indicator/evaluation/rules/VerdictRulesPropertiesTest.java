package gov.planmonitor.indicator.evaluation.rules;

import gov.planmonitor.indicator.indicators.Indicator.Direction;
import gov.planmonitor.indicator.targets.Target.Kind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What must hold of the rulebook whatever the numbers: a better value never gets a worse verdict, a binding indicator
 * is never judged more leniently than an expected one, rising and falling indicators mirror each other, and values that
 * meet the target itself (a printed level, an average decline, a sum) are never NOT_ACHIEVED.
 */
class VerdictRulesPropertiesTest {

    private static final List<Kind> LEVEL_KINDS = List.of(Kind.REACH, Kind.ABOUT, Kind.AT_LEAST, Kind.RANGE);

    @Provide
    Arbitrary<BigDecimal> value() {
        return Arbitraries.bigDecimals().between(BigDecimal.valueOf(-500), BigDecimal.valueOf(500)).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> band() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(20)).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> rate() {
        return Arbitraries.bigDecimals().between(BigDecimal.valueOf(-20), BigDecimal.valueOf(40)).ofScale(2);
    }

    @Provide
    Arbitrary<Kind> levelKind() {
        return Arbitraries.of(LEVEL_KINDS);
    }

    /** A target on one year's value: a RANGE runs from t to t + 10. */
    private static VerdictRules.Outcome level(Kind kind, Direction direction, BigDecimal v, BigDecimal t, BigDecimal band, boolean growth,
                                              boolean holdsEveryYear, int year, BigDecimal baseline) {
        BigDecimal high = kind == Kind.RANGE ? t.add(BigDecimal.TEN) : null;
        return VerdictRules.level(new VerdictRules.Bound(kind, t, high, band), direction, v, growth, holdsEveryYear, stage(year), baseline);
    }

    /** Stages of a 2016–2020 plan: 2016 to 2019 during it, 2020 its end. */
    private static VerdictRules.Stage stage(int year) {
        return VerdictRules.Stage.of(2016, 2020, year);
    }

    @Property
    void aHigherValueOfARisingIndicatorIsNeverJudgedWorse(@ForAll("levelKind") Kind kind, @ForAll("value") BigDecimal v1, @ForAll("value") BigDecimal v2,
                                                          @ForAll("value") BigDecimal t, @ForAll("band") BigDecimal band, @ForAll("value") BigDecimal baseline,
                                                          @ForAll @IntRange(min = 2016, max = 2020) int year, @ForAll boolean growth,
                                                          @ForAll boolean every) {
        BigDecimal low = v1.min(v2);
        BigDecimal high = v1.max(v2);
        Verdict lower = level(kind, Direction.INCREASE, low, t, band, growth, every, year, baseline).verdict();
        Verdict higher = level(kind, Direction.INCREASE, high, t, band, growth, every, year, baseline).verdict();
        assertTrue(lower.rank() <= higher.rank(), () -> low + " gave " + lower + " but " + high + " gave " + higher);
    }

    @Property
    void aLowerValueOfAFallingIndicatorIsNeverJudgedWorse(@ForAll("value") BigDecimal v1, @ForAll("value") BigDecimal v2, @ForAll("value") BigDecimal t,
                                                         @ForAll("band") BigDecimal band, @ForAll("value") BigDecimal baseline,
                                                         @ForAll @IntRange(min = 2016, max = 2020) int year, @ForAll boolean every) {
        BigDecimal low = v1.min(v2);
        BigDecimal high = v1.max(v2);
        for (Kind kind : List.of(Kind.REACH, Kind.ABOUT, Kind.AT_MOST)) {
            Verdict lower = level(kind, Direction.DECREASE, low, t, band, false, every, year, baseline).verdict();
            Verdict higher = level(kind, Direction.DECREASE, high, t, band, false, every, year, baseline).verdict();
            assertTrue(lower.rank() >= higher.rank(), () -> kind + ": " + low + " gave " + lower + " but " + high + " gave " + higher);
        }
    }

    @Property
    void bindingIsNeverMoreLenientThanExpected(@ForAll("levelKind") Kind kind, @ForAll("value") BigDecimal v, @ForAll("value") BigDecimal t,
                                              @ForAll("band") BigDecimal band, @ForAll("value") BigDecimal baseline,
                                              @ForAll @IntRange(min = 2016, max = 2020) int year, @ForAll boolean decrease,
                                              @ForAll boolean every) {
        Direction direction = decrease ? Direction.DECREASE : Direction.INCREASE;
        Verdict binding = level(kind, direction, v, t, BigDecimal.ZERO, false, every, year, baseline).verdict();
        Verdict expected = level(kind, direction, v, t, band, false, every, year, baseline).verdict();
        assertTrue(binding.rank() <= expected.rank(), () -> "binding " + binding + ", expected " + expected);
    }

    @Property
    void risingAndFallingIndicatorsMirrorEachOther(@ForAll("value") BigDecimal v, @ForAll("value") BigDecimal t, @ForAll("band") BigDecimal band,
                                                  @ForAll("value") BigDecimal baseline, @ForAll @IntRange(min = 2016, max = 2020) int year,
                                                  @ForAll boolean every) {
        for (Kind kind : List.of(Kind.REACH, Kind.ABOUT)) {
            VerdictRules.Outcome up = level(kind, Direction.INCREASE, v, t, band, false, every, year, baseline);
            VerdictRules.Outcome down = level(kind, Direction.DECREASE, v.negate(), t.negate(), band, false, every, year, baseline.negate());
            assertEquals(up.verdict(), down.verdict(), kind + " " + v + " vs " + t);
        }
        assertEquals(level(Kind.AT_LEAST, Direction.INCREASE, v, t, band, false, every, year, null).verdict(),
                level(Kind.AT_MOST, Direction.DECREASE, v.negate(), t.negate(), band, false, every, year, null).verdict());
    }

    /** Related to the target itself: a final value that meets what is printed is never NOT_ACHIEVED, whatever the band. */
    @Property
    void aFinalValueMeetingThePrintedTargetIsAchieved(@ForAll("levelKind") Kind kind, @ForAll("value") BigDecimal t, @ForAll("band") BigDecimal over,
                                                      @ForAll("band") BigDecimal band, @ForAll boolean growth, @ForAll boolean every,
                                                      @ForAll boolean decrease) {
        Direction direction = decrease && kind != Kind.AT_LEAST ? Direction.DECREASE : Direction.INCREASE;
        // At or beyond the printed number in the indicator's direction (for a range: inside it).
        BigDecimal v = kind == Kind.RANGE ? t.add(over.min(BigDecimal.TEN)) : direction == Direction.DECREASE ? t.subtract(over) : t.add(over);
        assertEquals(Verdict.ACHIEVED, level(kind, direction, v, t, band, growth, every, 2020, null).verdict(),
                () -> kind + " " + direction + " " + v + " against " + t);
    }

    /** A level to maintain is never AHEAD during the period: keeping it is all there is to do. */
    @Property
    void aLevelToMaintainIsNeverAhead(@ForAll("levelKind") Kind kind, @ForAll("value") BigDecimal v, @ForAll("value") BigDecimal t,
                                      @ForAll("band") BigDecimal band, @ForAll("value") BigDecimal baseline,
                                      @ForAll @IntRange(min = 2016, max = 2019) int year, @ForAll boolean every) {
        Verdict verdict = level(kind, Direction.MAINTAIN, v, t, band, false, every, year, baseline).verdict();
        assertTrue(verdict == Verdict.ON_TRACK || verdict == Verdict.LAGGING, () -> kind + " " + v + " against " + t + ": " + verdict);
    }

    @Property
    void fasterGrowthInAnyYearIsNeverJudgedWorse(@ForAll("rates") List<BigDecimal> rates, @ForAll @IntRange(min = 0, max = 4) int which,
                                                @ForAll("band") BigDecimal extra, @ForAll("rate") BigDecimal t, @ForAll("band") BigDecimal band) {
        int year = 2015 + rates.size();
        List<BigDecimal> faster = new ArrayList<>(rates);
        int i = which % rates.size();
        faster.set(i, faster.get(i).add(extra));
        Verdict slow = VerdictRules.averageGrowth(rates, t, band, stage(year)).verdict();
        Verdict fast = VerdictRules.averageGrowth(faster, t, band, stage(year)).verdict();
        assertTrue(slow.rank() <= fast.rank(), () -> rates + " gave " + slow + " but " + faster + " gave " + fast);
    }

    @Property
    void aLargerDeclineInAnyYearIsNeverJudgedWorse(@ForAll("declines") List<BigDecimal> rates, @ForAll @IntRange(min = 0, max = 4) int which,
                                                  @ForAll("band") BigDecimal extra, @ForAll("band") BigDecimal t) {
        int year = 2015 + rates.size();
        List<BigDecimal> larger = new ArrayList<>(rates);
        int i = which % rates.size();
        larger.set(i, larger.get(i).add(extra).min(BigDecimal.valueOf(99)));
        Verdict less = VerdictRules.decline(VerdictRules.cumulativeDecline(rates), t, BigDecimal.ZERO, stage(year)).verdict();
        Verdict more = VerdictRules.decline(VerdictRules.cumulativeDecline(larger), t, BigDecimal.ZERO, stage(year)).verdict();
        assertTrue(less.rank() <= more.rank(), () -> rates + " gave " + less + " but " + larger + " gave " + more);
    }

    /** Related to the target: five years whose declines all reach t average at least t, so the final verdict is ACHIEVED. */
    @Property
    void fiveYearsEachDecliningByTheTargetAchieveTheAverageDecline(@ForAll("declines") List<BigDecimal> extras, @ForAll("band") BigDecimal t) {
        List<BigDecimal> rates = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rates.add(t.add(extras.get(i % extras.size())).min(BigDecimal.valueOf(99)));
        }
        VerdictRules.Outcome o = VerdictRules.averageDecline(rates, t, BigDecimal.ZERO, stage(2020));
        assertTrue(o.verdict() == Verdict.ACHIEVED || t.compareTo(BigDecimal.valueOf(99)) > 0, () -> rates + " against " + t + ": " + o);
    }

    /** A larger decline in any year never gets a worse average-decline verdict. */
    @Property
    void aLargerDeclineInAnyYearNeverWorsensTheAverageDecline(@ForAll("declines") List<BigDecimal> rates, @ForAll @IntRange(min = 0, max = 4) int which,
                                                              @ForAll("band") BigDecimal extra, @ForAll("band") BigDecimal t) {
        int year = 2015 + rates.size();
        List<BigDecimal> larger = new ArrayList<>(rates);
        int i = which % rates.size();
        larger.set(i, larger.get(i).add(extra).min(BigDecimal.valueOf(99)));
        Verdict less = VerdictRules.averageDecline(rates, t, BigDecimal.ZERO, stage(year)).verdict();
        Verdict more = VerdictRules.averageDecline(larger, t, BigDecimal.ZERO, stage(year)).verdict();
        assertTrue(less.rank() <= more.rank(), () -> rates + " gave " + less + " but " + larger + " gave " + more);
    }

    /** Related to the target: yearly amounts summing to at least t are ACHIEVED at the end, and AHEAD before it. */
    @Property
    void amountsSummingToTheTargetAchieveTheSum(@ForAll("declines") List<BigDecimal> flows, @ForAll("band") BigDecimal band) {
        BigDecimal sum = flows.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int year = 2015 + flows.size();
        VerdictRules.Outcome o = VerdictRules.cumulativeSum(flows, sum, band, stage(year));
        assertTrue(o.verdict() == (year == 2020 ? Verdict.ACHIEVED : Verdict.AHEAD), () -> flows + " against their sum " + sum + ": " + o);
    }

    /** More in any year never gets a worse sum verdict, and a task done is never judged worse than one not done. */
    @Property
    void moreInAnyYearOrATaskDoneIsNeverJudgedWorse(@ForAll("declines") List<BigDecimal> flows, @ForAll @IntRange(min = 0, max = 4) int which,
                                                    @ForAll("band") BigDecimal extra, @ForAll("band") BigDecimal t, @ForAll @IntRange(min = 2016, max = 2020) int year) {
        List<BigDecimal> more = new ArrayList<>(flows);
        int i = which % flows.size();
        more.set(i, more.get(i).add(extra));
        int y = 2015 + flows.size();
        Verdict less = VerdictRules.cumulativeSum(flows, t, BigDecimal.ZERO, stage(y)).verdict();
        Verdict most = VerdictRules.cumulativeSum(more, t, BigDecimal.ZERO, stage(y)).verdict();
        assertTrue(less.rank() <= most.rank(), () -> flows + " gave " + less + " but " + more + " gave " + most);
        Verdict done = VerdictRules.yesNo(true, stage(year)).verdict();
        Verdict notDone = VerdictRules.yesNo(false, stage(year)).verdict();
        assertTrue(done.rank() > notDone.rank(), () -> year + ": done " + done + ", not done " + notDone);
    }

    @Provide
    Arbitrary<List<BigDecimal>> rates() {
        return rate().list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<BigDecimal>> declines() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(30)).ofScale(2).list().ofMinSize(1).ofMaxSize(5);
    }
}

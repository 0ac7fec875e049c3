package gov.planmonitor.indicator.evaluation;

import gov.planmonitor.indicator.indicators.Indicator;
import gov.planmonitor.indicator.indicators.IndicatorRepository;
import gov.planmonitor.indicator.observations.Observation;
import gov.planmonitor.indicator.observations.ObservationRepository;
import gov.planmonitor.indicator.plans.Plan;
import gov.planmonitor.indicator.targets.Target;
import gov.planmonitor.indicator.evaluation.rules.VerdictRules;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import gov.planmonitor.indicator.units.UnitCatalog;

/**
 * Everything one evaluation needs, loaded once (a fixed number of queries, whatever the plan's size): the targets as they
 * stood at asOf, the units, the indicators of the same series in other plans and the observations of all of them and of
 * the reference indicators. The judge reads only this.
 */
final class EvaluationContext {

    final Plan plan;
    final int year;
    final VerdictRules.Stage stage;
    final boolean isFinal;
    final BigDecimal share;
    /** The units of measure, read once for the evaluation. */
    final UnitCatalog.Units units;
    private final Map<Long, Map<Integer, Observation>> byIndicator = new HashMap<>();
    private final Map<String, List<Indicator>> bySeries = new HashMap<>();
    /** The targets as recorded at the evaluation's asOf, by indicator id; null when it reads the current ones. */
    private final Map<Long, List<Target>> targetsAsOf;

    EvaluationContext(Plan plan, int year, List<Indicator> members, OffsetDateTime asOf, IndicatorRepository indicators,
                      ObservationRepository observations, UnitCatalog unitCatalog) {
        this.plan = plan;
        this.year = year;
        this.stage = VerdictRules.Stage.of(plan.startYear, plan.endYear, year);
        this.isFinal = stage.isFinal();
        this.share = stage.share();
        this.targetsAsOf = asOf == null ? null : indicators.targetsAsOf(members, asOf);
        this.units = unitCatalog.snapshot();
        Set<Indicator> all = new HashSet<>(members);
        Set<String> series = new HashSet<>();
        for (Indicator i : members) {
            if (i.series != null) {
                series.add(i.series);
            }
            targets(i).stream().filter(t -> t.referenceIndicator != null).forEach(t -> all.add(t.referenceIndicator));
        }
        if (!series.isEmpty()) {
            for (Indicator linked : indicators.list("series in ?1", series)) {
                all.add(linked);
                bySeries.computeIfAbsent(linked.series, s -> new ArrayList<>()).add(linked);
            }
        }
        for (Observation o : observations.listAsOf(all, asOf)) {
            byIndicator.computeIfAbsent(o.indicator.id, k -> new HashMap<>()).put(o.year, o);
        }
    }

    /** An indicator's targets, in order of their effective dates, as they stood at the evaluation's asOf. */
    List<Target> targets(Indicator indicator) {
        return targetsAsOf == null ? indicator.targets : targetsAsOf.getOrDefault(indicator.id, List.of());
    }

    /** The indicator's own observation of a year. */
    Observation own(Indicator indicator, int y) {
        return byIndicator.getOrDefault(indicator.id, Map.of()).get(y);
    }

    /**
     * The value of a measure for one year: the indicator's own observation, else one recorded on an indicator
     * of another plan in the same series (the annual plan's GDP growth serves the five-year plan's).
     * Multi-year results do not stand for a single year.
     */
    Observation find(Indicator indicator, int y, Target.Measure measure) {
        Observation own = own(indicator, y);
        if (own != null && (number(own, measure) != null || !own.comparable)) {
            return own;
        }
        Observation wordsOnly = null;
        for (Indicator linked : bySeries.getOrDefault(indicator.series, List.of())) {
            Observation o = linked == indicator ? null : own(linked, y);
            if (o == null) {
                continue;
            }
            // A five-year average is not one year's growth; a level at the period's end is that year's level.
            boolean singleYear = o.periodStart == null || o.periodStart == y || measure == Target.Measure.LEVEL;
            boolean sameUnit = linked.unit.equals(indicator.unit);
            if (singleYear && number(o, measure) != null && (measure == Target.Measure.GROWTH_RATE || sameUnit)) {
                return o;
            }
            if (o.qualitativeZh != null && !o.hasNumber()) {
                wordsOnly = o;
            }
        }
        return own != null ? own : wordsOnly;
    }

    /** The plan's own result over its whole period (a five-year plan's printed outcome), if recorded. */
    Observation periodResult(Indicator indicator) {
        Observation o = own(indicator, plan.endYear);
        return o != null && isFinal && o.periodStart != null && o.periodStart == plan.startYear ? o : null;
    }

    /** The number a measure reads from an observation: its growth rate, or its value. */
    static BigDecimal number(Observation o, Target.Measure measure) {
        return measure == Target.Measure.GROWTH_RATE ? o.growthRate : o.value;
    }
}

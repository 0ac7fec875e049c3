package gov.planmonitor.indicator.targets;

import gov.planmonitor.indicator.indicators.Indicator;
import gov.planmonitor.indicator.indicators.IndicatorRepository;
import gov.planmonitor.support.input.Inputs;
import gov.planmonitor.support.problem.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import gov.planmonitor.indicator.observations.RecordedAt;
import gov.planmonitor.indicator.units.UnitCatalog;

/**
 * An indicator's targets as writes change them: the first one, a correction of the one in force (the old values kept as
 * a superseded row), and a revision from a later date; each parsed from its text by {@link TargetParser}.
 */
@ApplicationScoped
public class IndicatorTargets {

    private final IndicatorRepository indicators;
    private final TargetParser parser;
    private final UnitCatalog units;

    public IndicatorTargets(IndicatorRepository indicators, TargetParser parser, UnitCatalog units) {
        this.indicators = indicators;
        this.parser = parser;
        this.units = units;
    }

    /**
     * A target revision (规划调整): a new target from a later date, added to the indicator's; the original stays for
     * comparison.
     */
    public Target revise(Indicator indicator, TargetInput input, String user) {
        if (input.effectiveFrom() == null) {
            throw new ServiceException.Invalid("effectiveFrom", "a target revision needs the date it takes effect");
        }
        if (input.reason() == null || input.reason().isBlank()) {
            throw new ServiceException.Invalid("reason", "a target revision needs a reason (the adjustment decision)");
        }
        for (Target existing : indicator.targets) {
            if (!input.effectiveFrom().isAfter(existing.effectiveFrom)) {
                throw new ServiceException.Invalid("effectiveFrom", "a revision must take effect after the latest target (" + existing.effectiveFrom + ")");
            }
        }
        if (input.effectiveFrom().getYear() > indicator.plan.endYear) {
            throw new ServiceException.Invalid("effectiveFrom", "the plan ends in " + indicator.plan.endYear);
        }
        Target target = newTarget(indicator, input, OffsetDateTime.now(ZoneOffset.UTC), user);
        indicator.targets.add(target);
        return target;
    }

    /**
     * Sets the first target or corrects the one in force, recorded at {@code recordedAt} (null: now); a correction keeps
     * the values it replaces as a superseded row. Returns whether anything changed.
     */
    public boolean set(Indicator indicator, TargetInput input, OffsetDateTime recordedAt, String user) {
        if (input == null) {
            return false; // no target given: a statistic without one, or the one in force stays
        }
        LocalDate effectiveFrom = input.effectiveFrom() != null ? input.effectiveFrom() : LocalDate.of(indicator.plan.startYear, 1, 1);
        Target existing = indicator.targets.stream().filter(t -> t.effectiveFrom.equals(effectiveFrom)).findFirst().orElse(null);
        OffsetDateTime at = RecordedAt.resolve(recordedAt, OffsetDateTime.now(ZoneOffset.UTC), "targetRecordedAt");
        Target parsed = newTarget(indicator, new TargetInput(input.text(), input.kind(), input.referenceIndicator(), effectiveFrom, input.reason()),
                at, user);
        if (existing == null) {
            indicator.targets.add(parsed);
            indicator.targets.sort((a, b) -> a.effectiveFrom.compareTo(b.effectiveFrom));
            return true;
        }
        if (existing.text.equals(parsed.text) && existing.kind == parsed.kind && existing.referenceIndicator == parsed.referenceIndicator
                && Objects.equals(existing.reason, parsed.reason)) {
            return false;
        }
        RecordedAt.requireAfter(at, existing.createdAt, "targetRecordedAt");
        // The row in the indicator's collection stays the current one (orphan removal would delete a row taken out of it);
        // what it held until now becomes a superseded row of its own.
        Target replaced = copyOf(existing);
        replaced.supersededAt = at;
        replaced.supersededBy = user;
        indicators.getEntityManager().persist(replaced);
        existing.text = parsed.text;
        existing.kind = parsed.kind;
        existing.measure = parsed.measure;
        existing.value = parsed.value;
        existing.valueHigh = parsed.valueHigh;
        existing.stretchValue = parsed.stretchValue;
        existing.everyYear = parsed.everyYear;
        existing.baseYear = parsed.baseYear;
        existing.tolerance = parsed.tolerance;
        existing.textUnit = parsed.textUnit;
        existing.referenceIndicator = parsed.referenceIndicator;
        existing.reason = parsed.reason;
        existing.createdAt = parsed.createdAt;
        existing.createdBy = user;
        return true;
    }

    private static Target copyOf(Target t) {
        Target copy = new Target();
        copy.indicator = t.indicator;
        copy.effectiveFrom = t.effectiveFrom;
        copy.text = t.text;
        copy.kind = t.kind;
        copy.measure = t.measure;
        copy.value = t.value;
        copy.tolerance = t.tolerance;
        copy.valueHigh = t.valueHigh;
        copy.stretchValue = t.stretchValue;
        copy.everyYear = t.everyYear;
        copy.baseYear = t.baseYear;
        copy.textUnit = t.textUnit;
        copy.referenceIndicator = t.referenceIndicator;
        copy.reason = t.reason;
        copy.createdAt = t.createdAt;
        copy.createdBy = t.createdBy;
        return copy;
    }

    private Target newTarget(Indicator indicator, TargetInput input, OffsetDateTime recordedAt, String user) {
        TargetParser.Parsed parsed = parser.parse(input.text(), Inputs.blankToNull(input.kind()),
                new TargetParser.Context(indicator.plan.kind, indicator.plan.startYear, indicator.nameZh, indicator.unit,
                        indicator.direction, indicator.measures, units.snapshot()));
        Target target = new Target();
        target.indicator = indicator;
        target.effectiveFrom = input.effectiveFrom();
        target.text = input.text().trim();
        target.kind = parsed.kind();
        target.measure = parsed.measure();
        target.value = parsed.value();
        target.valueHigh = parsed.valueHigh();
        target.stretchValue = parsed.stretch();
        target.everyYear = parsed.everyYear();
        target.baseYear = parsed.baseYear();
        target.tolerance = parsed.tolerance();
        target.textUnit = parsed.textUnit();
        target.reason = Inputs.blankToNull(input.reason());
        target.createdAt = recordedAt;
        target.createdBy = user;
        String reference = Inputs.blankToNull(input.referenceIndicator());
        if (parsed.kind() == Target.Kind.RELATIVE) {
            if (reference == null) {
                reference = indicators.find("plan = ?1 and series = 'GDP_GROWTH'", indicator.plan).firstResultOptional()
                        .map(i -> i.code).orElseThrow(() -> new ServiceException.Invalid("target.referenceIndicator",
                                "a RELATIVE target (" + input.text() + ") needs referenceIndicator: the indicator it keeps in step with"));
            }
            String code = reference;
            target.referenceIndicator = indicators.findByCode(code).orElseThrow(() ->
                    new ServiceException.Invalid("target.referenceIndicator", "unknown reference indicator " + code));
            if (target.referenceIndicator == indicator) {
                throw new ServiceException.Invalid("target.referenceIndicator", "an indicator cannot be relative to itself");
            }
        } else if (reference != null) {
            throw new ServiceException.Invalid("target.referenceIndicator", "only a RELATIVE target takes a reference indicator");
        }
        return target;
    }
}

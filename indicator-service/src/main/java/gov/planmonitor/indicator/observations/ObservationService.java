package gov.planmonitor.indicator.observations;

import gov.planmonitor.support.input.Inputs;
import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.audit.AuditTrail;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.indicator.indicators.IndicatorMapper;
import gov.planmonitor.indicator.indicators.Indicator;
import gov.planmonitor.indicator.indicators.IndicatorRepository;
import gov.planmonitor.indicator.observations.ObservationRepository.Key;
import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.write.IfMatch;
import gov.planmonitor.support.problem.DatabaseRefusal;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.tabular.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import gov.planmonitor.indicator.indicators.IndicatorService;
import gov.planmonitor.indicator.units.UnitCatalog;

@ApplicationScoped
@Transactional
public class ObservationService {

    /** The result of a write: the current revision and whether it is the first one. */
    public record Written(Observation observation, boolean created) {
    }

    private final ObservationRepository observations;
    private final IndicatorService indicators;
    private final IndicatorRepository indicatorRows;
    private final IndicatorMapper mapper;
    private final Caller caller;
    private final AuditTrail audit;
    private final UnitCatalog units;

    public ObservationService(ObservationRepository observations, IndicatorService indicators, IndicatorRepository indicatorRows,
                              IndicatorMapper mapper, Caller caller, AuditTrail audit, UnitCatalog units) {
        this.units = units;
        this.indicatorRows = indicatorRows;
        this.caller = caller;
        this.audit = audit;
        this.observations = observations;
        this.indicators = indicators;
        this.mapper = mapper;
    }

    public List<ObservationDto> list(String code, OffsetDateTime asOf) {
        return observations.listAsOf(indicators.get(code), asOf).stream().map(mapper::toDto).toList();
    }

    public Observation get(String code, int year) {
        return observations.findCurrent(indicators.get(code), year).orElseThrow(() ->
                new ServiceException.NotFound("indicator " + code + " has no value for " + year));
    }

    public List<ObservationDto> history(String code, int year) {
        List<Observation> revisions = observations.history(indicators.get(code), year);
        if (revisions.isEmpty()) {
            throw new ServiceException.NotFound("indicator " + code + " has no value for " + year);
        }
        return revisions.stream().map(mapper::toDto).toList();
    }

    /** Creates the value for a year, or replaces it (If-Match required) keeping the old one as history. */
    public Written put(String code, int year, @NotNull @Valid ObservationInput input, IfMatch ifMatch) {
        Indicator indicator = lockedForWrite(code);
        Observation current = observations.findCurrent(indicator, year).orElse(null);
        if (current != null) {
            ifMatch.require(current.revision);
        }
        return write(indicator, year, current, input, caller.name());
    }

    /**
     * A value a task's progress update reports: the value for the year as of now, replacing the current one (kept as
     * history) without a precondition, as the update itself is the department's statement.
     */
    public Written report(String code, int year, @NotNull @Valid ObservationInput input) {
        Indicator indicator = lockedForWrite(code);
        return write(indicator, year, observations.findCurrent(indicator, year).orElse(null), input, caller.name());
    }

    /**
     * The indicator a value is written to, with its plan and departments in one statement (read-only: writing a value
     * never changes the indicator), once the caller is known to report it. Writers of one indicator's values then take
     * turns (a row lock on the indicator until commit), so the second of two simultaneous writers reads the first one's
     * value and is told to send If-Match (428) or that it is stale (412).
     */
    private Indicator lockedForWrite(String code) {
        Indicator indicator = indicatorRows.findOneWithDepartments(code).orElseThrow(() -> new ServiceException.NotFound("no indicator with code " + code));
        requireReporter(indicator);
        observations.lockIndicators(List.of(indicator.id));
        return indicator;
    }

    /** Values are reported by the departments that lead or support the indicator (or an admin). */
    private void requireReporter(Indicator indicator) {
        caller.requireDepartment("reporting values of indicator " + indicator.code,
                indicator.departments.stream().map(d -> d.department.code).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
    }

    private Written write(Indicator indicator, int year, Observation current, ObservationInput input, String user) {
        validate(indicator, year, input, units.only(indicator.unit));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // The current value is always the year's last revision (each write retires it for the next), so only a first
        // value needs the query, and finds none unless a revision was removed by hand.
        int revision = current != null ? current.revision + 1 : observations.nextRevision(indicator, year);
        if (current != null) {
            current.supersededAt = now;
            current.supersededBy = user;
            // The partial unique index allows one current row per year: retire the old one before inserting.
            flush(indicator, year);
        }
        Observation o = newRevision(indicator, year, input, revision, now, user);
        observations.persist(o);
        flush(indicator, year);
        audit.record("observation", indicator.code + "/" + year, current == null ? null : mapper.toDto(current), mapper.toDto(o));
        return new Written(o, current == null);
    }

    private static Observation newRevision(Indicator indicator, int year, ObservationInput input, int revision, OffsetDateTime now, String user) {
        Observation o = new Observation();
        o.indicator = indicator;
        o.year = year;
        o.periodStart = input.periodStart();
        o.value = input.value();
        o.growthRate = input.growthRate();
        o.priceBasis = input.priceBasis() == null ? null : Observation.PriceBasis.valueOf(input.priceBasis());
        o.status = Observation.Status.valueOf(input.status());
        o.qualitativeZh = Inputs.blankToNull(input.qualitativeZh());
        o.qualitativeEn = Inputs.blankToNull(input.qualitativeEn());
        o.comparable = input.comparable() == null || input.comparable();
        o.source = Inputs.blankToNull(input.source());
        o.note = Inputs.blankToNull(input.note());
        o.completed = input.completed();
        o.evidence = Inputs.blankToNull(input.evidence());
        o.revision = revision;
        o.recordedAt = now;
        o.recordedBy = user;
        return o;
    }

    /** A row of an import: its line in the file, the indicator and year, the value, and when it was recorded (null: now). */
    public record ImportedValue(int row, String indicator, int year, ObservationInput input, OffsetDateTime recordedAt) {
    }

    /**
     * Import of many values at once, with the rules of {@link #upsert} applied row by row in file order (a new
     * revision only when something differs; a later row for the same year supersedes an earlier one), but written
     * set-based: a few statements for the whole file instead of about six per row. Refused rows go to
     * {@code refused}; when any is refused nothing is written. Returns each row's outcome (null when refused).
     */
    public List<Outcome> upsertAll(List<ImportedValue> rows, String user, BiConsumer<ImportedValue, ServiceException> refused) {
        Map<String, Indicator> byCode = indicatorRows.findWithDepartments(rows.stream().map(ImportedValue::indicator).collect(Collectors.toSet()));
        List<Long> ids = byCode.values().stream().map(i -> i.id).sorted().toList();
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        observations.lockIndicators(ids);
        Map<Long, Indicator> byId = byCode.values().stream().collect(Collectors.toMap(i -> i.id, i -> i));
        Map<Key, Observation> latest = new HashMap<>();
        Map<Key, Integer> revisions = new HashMap<>();
        observations.yearsOf(byId).forEach((key, state) -> {
            revisions.put(key, state.lastRevision());
            if (state.current() != null) {
                latest.put(key, state.current());
            }
        });
        // Nothing loaded here is written through Hibernate: let the session forget the indicators, once earlier writes
        // of this import (other tables of the file) are flushed, so that the commit has nothing left to check.
        observations.getEntityManager().flush();
        observations.getEntityManager().clear();
        Set<Indicator> reporterChecked = new HashSet<>();
        UnitCatalog.Units known = units.snapshot();
        // To the microsecond PostgreSQL keeps: the audit entries are built from the stored rows, and show what they hold.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        boolean historyAllowed = false;
        List<Observation> retired = new ArrayList<>();
        List<Observation> written = new ArrayList<>();
        List<Observation> replaced = new ArrayList<>();
        boolean anyRefused = false;
        for (ImportedValue row : rows) {
            Indicator indicator = byCode.get(row.indicator());
            try {
                if (indicator == null) {
                    throw new ServiceException.NotFound("no indicator with code " + row.indicator());
                }
                // Every row is a value of the indicator, its responsible departments' to write. A dated row is also
                // history taken from a document, which needs the planner role besides: the date narrows who may write
                // a row, never widens it (in practice an admin, or a token that is both).
                if (reporterChecked.add(indicator)) {
                    requireReporter(indicator);
                }
                if (row.recordedAt() != null && !historyAllowed) {
                    caller.require(RecordedAt.WHAT, Roles.PLANNER);
                    historyAllowed = true;
                }
                OffsetDateTime at = RecordedAt.resolve(row.recordedAt(), now, "recordedAt");
                Key key = new Key(indicator.id, row.year());
                Observation current = latest.get(key);
                if (current != null && same(current, row.input())) {
                    outcomes.add(Outcome.UNCHANGED);
                    continue;
                }
                validate(indicator, row.year(), row.input(), known);
                RecordedAt.requireAfter(at, current == null ? null : current.recordedAt, "recordedAt");
                Observation o = newRevision(indicator, row.year(), row.input(), revisions.merge(key, 1, Integer::sum), at, user);
                if (current != null) {
                    current.supersededAt = at;
                    current.supersededBy = user;
                    if (current.id != null) {
                        retired.add(current);
                    }
                }
                latest.put(key, o);
                written.add(o);
                replaced.add(current);
                outcomes.add(current == null ? Outcome.CREATED : Outcome.UPDATED);
            } catch (ServiceException e) {
                anyRefused = true;
                outcomes.add(null);
                refused.accept(row, e);
            }
        }
        if (!anyRefused) {
            // Retired first: the unique index allows one current value per year.
            observations.retire(retired, user);
            observations.insertAll(written, user);
            observations.auditImport(audit, written, replaced);
        }
        return outcomes;
    }

    /**
     * Observations carry no version: two writers of the same year that both passed their checks meet at the unique
     * index of current values. The one that lost is told to read again (412), as with any versioned resource.
     */
    private void flush(Indicator indicator, int year) {
        try {
            observations.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            if (DatabaseRefusal.of(e).filter(DatabaseRefusal.UNIQUE::equals).isPresent()) {
                throw ServiceException.PreconditionFailed.lostRace("the " + year + " value of " + indicator.code);
            }
            throw e;
        }
    }

    /** Whether one of the indicator's current targets is measured from that year (asked only of years before the baseline). */
    private boolean baseOfATarget(Indicator indicator, int year) {
        return indicatorRows.getEntityManager().createQuery("select count(t) from Target t where t.indicator.id = :indicator"
                        + " and t.baseYear = :year and t.supersededAt is null", Long.class)
                .setParameter("indicator", indicator.id).setParameter("year", year).getSingleResult() > 0;
    }

    private void validate(Indicator indicator, int year, ObservationInput input, UnitCatalog.Units known) {
        // The year before the plan is its baseline; a target measured from an earlier year (比2010年翻一番) admits that one too.
        int first = indicator.plan.startYear - 1;
        if ((year < first && !baseOfATarget(indicator, year)) || year > indicator.plan.endYear) {
            throw new ServiceException.Invalid("year", "year " + year + " is outside plan " + indicator.plan.code + " ("
                    + indicator.plan.startYear + "–" + indicator.plan.endYear + "; " + first + " is allowed as the baseline, and"
                    + " the base year of a target measured from one)");
        }
        if (input.periodStart() != null && input.periodStart() > year) {
            throw new ServiceException.Invalid("periodStart", "periodStart " + input.periodStart() + " is after the year " + year);
        }
        if (input.completed() == null && Inputs.blankToNull(input.evidence()) != null) {
            throw new ServiceException.Invalid("completed", "evidence supports a done / not done result: give completed (true or false)");
        }
        if (input.value() == null && input.growthRate() == null && Inputs.blankToNull(input.qualitativeZh()) == null
                && input.completed() == null) {
            throw new ServiceException.Invalid("value", "give a value, a growthRate, qualitativeZh text or (for a yes/no target) completed");
        }
        // A done / not done result is a department's word: it names what it rests on.
        if (input.completed() != null && Inputs.blankToNull(input.evidence()) == null) {
            throw new ServiceException.Invalid("evidence", "a completed (done / not done) result needs its evidence: the acceptance record,"
                    + " notice or document it rests on");
        }
        boolean nonNegative = known.find(indicator.unit).map(UnitCatalog.Unit::nonNegative).orElse(false);
        if (nonNegative && input.value() != null && input.value().signum() < 0) {
            throw new ServiceException.Invalid("value", "a value in " + indicator.unit + " cannot be negative");
        }
    }

    private static boolean same(Observation o, ObservationInput input) {
        return Objects.equals(o.periodStart, input.periodStart()) && Inputs.sameNumber(o.value, input.value()) && Inputs.sameNumber(o.growthRate, input.growthRate())
                && Objects.equals(o.priceBasis == null ? null : o.priceBasis.name(), Inputs.blankToNull(input.priceBasis()))
                && o.status.name().equals(input.status())
                && Objects.equals(o.qualitativeZh, Inputs.blankToNull(input.qualitativeZh()))
                && Objects.equals(o.qualitativeEn, Inputs.blankToNull(input.qualitativeEn()))
                && o.comparable == (input.comparable() == null || input.comparable())
                && Objects.equals(o.source, Inputs.blankToNull(input.source()))
                && Objects.equals(o.note, Inputs.blankToNull(input.note()))
                && Objects.equals(o.completed, input.completed()) && Objects.equals(o.evidence, Inputs.blankToNull(input.evidence()));
    }


    public Versioned<ObservationDto> view(String code, int year) {
        Observation o = get(code, year);
        return new Versioned<>(mapper.toDto(o), o.revision);
    }

    /** The written value, its revision as version, and whether it was created (201) or replaced (200). */
    public record WrittenView(Versioned<ObservationDto> value, boolean created) {
    }

    public WrittenView putView(String code, int year, @NotNull @Valid ObservationInput input, IfMatch ifMatch) {
        Written written = put(code, year, input, ifMatch);
        return new WrittenView(new Versioned<>(mapper.toDto(written.observation()), written.observation().revision), written.created());
    }
}

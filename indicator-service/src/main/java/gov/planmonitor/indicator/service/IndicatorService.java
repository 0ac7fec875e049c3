package gov.planmonitor.indicator.service;

import gov.planmonitor.support.input.Inputs;
import gov.planmonitor.support.time.BureauClock;
import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.audit.AuditTrail;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.indicator.config.IndicatorConfig;
import gov.planmonitor.indicator.mapping.DepartmentRoleDto;
import gov.planmonitor.indicator.mapping.IndicatorDto;
import gov.planmonitor.indicator.mapping.IndicatorInput;
import gov.planmonitor.indicator.mapping.IndicatorMapper;
import gov.planmonitor.indicator.mapping.TargetDto;
import gov.planmonitor.indicator.mapping.TargetInput;
import gov.planmonitor.indicator.repository.Category;
import gov.planmonitor.indicator.repository.CategoryRepository;
import gov.planmonitor.indicator.repository.Department;
import gov.planmonitor.indicator.repository.DepartmentRepository;
import gov.planmonitor.indicator.repository.Indicator;
import gov.planmonitor.indicator.repository.IndicatorDepartment;
import gov.planmonitor.indicator.repository.IndicatorPageQuery;
import gov.planmonitor.indicator.repository.IndicatorRepository;
import gov.planmonitor.indicator.repository.Plan;
import gov.planmonitor.indicator.repository.Target;
import gov.planmonitor.support.paging.PageDto;
import gov.planmonitor.support.paging.PageRequest;
import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.paging.Versions;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.tabular.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional
public class IndicatorService {

    /** The API's sort fields, by their own names: IndicatorPageQuery knows the SQL of each. */
    private static final Map<String, String> SORT_FIELDS = IndicatorPageQuery.SORT_SQL.keySet().stream()
            .collect(Collectors.toMap(name -> name, name -> name, (a, b) -> a, java.util.LinkedHashMap::new));

    private final IndicatorRepository indicators;
    private final IndicatorPageQuery pageQuery;
    private final CategoryRepository categories;
    private final DepartmentRepository departments;
    private final PlanService plans;
    private final TargetParser parser;
    private final IndicatorMapper mapper;
    private final IndicatorConfig config;
    private final Caller caller;
    private final AuditTrail audit;
    private final BureauClock clock;
    private final UnitCatalog units;

    public IndicatorService(IndicatorRepository indicators, CategoryRepository categories, DepartmentRepository departments,
                            PlanService plans, TargetParser parser, IndicatorMapper mapper, IndicatorConfig config, Caller caller, AuditTrail audit, BureauClock clock,
                            IndicatorPageQuery pageQuery, UnitCatalog units) {
        this.pageQuery = pageQuery;
        this.units = units;
        this.clock = clock;
        this.caller = caller;
        this.audit = audit;
        this.indicators = indicators;
        this.categories = categories;
        this.departments = departments;
        this.plans = plans;
        this.parser = parser;
        this.mapper = mapper;
        this.config = config;
    }

    public PageDto<IndicatorDto> list(String planCode, Integer page, Integer size, String sort,
                                      String category, String attribute, String department, String q, OffsetDateTime updatedSince) {
        PageRequest request = PageRequest.of(page, size, sort, config.paging().defaultSize(), config.paging().maxSize(), SORT_FIELDS, "seq");
        if (attribute != null && !attribute.equals("NONE")) {
            try {
                Indicator.Attribute.valueOf(attribute);
            } catch (IllegalArgumentException e) {
                throw new ServiceException.BadQuery("attribute", "attribute must be BINDING, EXPECTED or NONE");
            }
        }
        List<IndicatorPageQuery.Order> order = request.sort().getColumns().stream()
                .map(c -> new IndicatorPageQuery.Order(c.getName(), c.getDirection() == io.quarkus.panache.common.Sort.Direction.Descending)).toList();
        IndicatorPageQuery.Result found = pageQuery.find(planCode, new IndicatorPageQuery.Filters(category, attribute, department,
                q == null || q.isBlank() ? null : q, updatedSince), order, request.page() * request.size(), request.size());
        if (!found.planExists()) {
            throw new ServiceException.NotFound("no plan with code " + planCode);
        }
        LocalDate today = clock.today();
        List<IndicatorDto> items = found.rows().stream().map(row -> mapper.toDto(row, today)).toList();
        return new PageDto<>(items, found.total(), request.page(), request.size());
    }

    public Indicator get(String code) {
        return indicators.findByCode(code).orElseThrow(() -> new ServiceException.NotFound("no indicator with code " + code));
    }

    /**
     * Who is answerable for an indicator's values, shown instead of the person who recorded one to readers who may not
     * see people: its lead department's code as it is now, or {@value #NO_DEPARTMENT} (the only role that may record
     * values of an indicator without departments).
     */
    public String answerable(String code) {
        return indicators.leadDepartmentCode(code).orElse(NO_DEPARTMENT);
    }

    /** What {@link #answerable} says of an indicator without departments. */
    public static final String NO_DEPARTMENT = Roles.ADMIN;

    public IndicatorDto toDto(Indicator indicator) {
        return mapper.toDto(indicator, targetInForce(indicator, clock.today()), linkedCodes(indicator), units.snapshot().dto(indicator.unit));
    }

    public List<String> linkedCodes(Indicator indicator) {
        return linkedCodes(indicator, indicators.listSeriesMembers(indicator));
    }

    /** Codes of the other indicators of the series, earliest plan first (a five-year plan before its annual plans). */
    private static List<String> linkedCodes(Indicator indicator, List<Indicator> seriesMembers) {
        return seriesMembers.stream().filter(i -> !i.id.equals(indicator.id))
                .sorted((a, b) -> Integer.compare(a.plan.startYear * 10 + (a.plan.kind == Plan.Kind.FIVE_YEAR ? 0 : 1),
                        b.plan.startYear * 10 + (b.plan.kind == Plan.Kind.FIVE_YEAR ? 0 : 1)))
                .map(i -> i.code).toList();
    }

    /** The target in force on a date: the latest revision effective by then (or the first, before any). */
    public static Target targetInForce(Indicator indicator, LocalDate date) {
        return inForce(indicator.targets, t -> t.effectiveFrom, date);
    }

    /** Of targets in order of their effective dates: the last one in effect on the date, else the first. */
    public static <T> T inForce(List<T> targets, java.util.function.Function<T, LocalDate> effectiveFrom, LocalDate date) {
        T inForce = null;
        for (T target : targets) {
            if (inForce == null || !effectiveFrom.apply(target).isAfter(date)) {
                inForce = target;
            }
        }
        return inForce;
    }

    public Indicator create(String planCode, @NotNull @Valid IndicatorInput input, String user) {
        return create(planCode, input, null, user);
    }

    /** As {@link #create(String, IndicatorInput, String)}, with the target recorded at a given time (null: now). */
    private Indicator create(String planCode, IndicatorInput input, OffsetDateTime targetRecordedAt, String user) {
        caller.require("adding an indicator to a plan", Roles.PLANNER);
        Plan plan = plans.get(planCode);
        if (indicators.findByCode(input.code()).isPresent()) {
            throw new ServiceException.Conflict("an indicator with code " + input.code() + " already exists");
        }
        if (indicators.findByPlanAndSeq(plan, input.seq()).isPresent()) {
            throw new ServiceException.Conflict("plan " + planCode + " already has an indicator with seq " + input.seq());
        }
        Indicator indicator = new Indicator();
        indicator.plan = plan;
        apply(indicator, input, user);
        setTarget(indicator, input.target(), targetRecordedAt, user);
        indicators.persist(indicator);
        indicators.flush();
        audit.record("indicator", indicator.code, null, toDto(indicator));
        return indicator;
    }

    public Indicator update(String code, @NotNull @Valid IndicatorInput input, String ifMatch, String user) {
        caller.require("changing an indicator", Roles.PLANNER);
        Indicator indicator = get(code);
        Versions.check(ifMatch, indicator.version);
        IndicatorDto before = toDto(indicator);
        if (!code.equals(input.code())) {
            throw new ServiceException.Invalid("code", "the code in the body (" + input.code() + ") differs from the path (" + code + "); codes cannot change");
        }
        indicators.findByPlanAndSeq(indicator.plan, input.seq()).filter(other -> other != indicator).ifPresent(other -> {
            throw new ServiceException.Conflict("plan " + indicator.plan.code + " already has an indicator with seq " + input.seq());
        });
        apply(indicator, input, user);
        setTarget(indicator, input.target(), null, user);
        indicators.flush();
        audit.record("indicator", indicator.code, before, toDto(indicator));
        return indicator;
    }

    /**
     * Import: create or update by code; a second identical import reports UNCHANGED and writes nothing. A new or
     * corrected target is recorded at {@code targetRecordedAt} (its source document's date), or now when null.
     */
    public Outcome upsert(String planCode, IndicatorInput input, OffsetDateTime targetRecordedAt, String user) {
        caller.require("importing indicators", Roles.PLANNER);
        Indicator indicator = indicators.findByCode(input.code()).orElse(null);
        if (indicator == null) {
            create(planCode, input, targetRecordedAt, user);
            return Outcome.CREATED;
        }
        if (!indicator.plan.code.equals(planCode)) {
            throw new ServiceException.Invalid("plan", "indicator " + input.code() + " belongs to plan " + indicator.plan.code + ", not " + planCode);
        }
        indicators.findByPlanAndSeq(indicator.plan, input.seq()).filter(other -> other != indicator).ifPresent(other -> {
            throw new ServiceException.Conflict("plan " + planCode + " already has an indicator with seq " + input.seq());
        });
        IndicatorDto before = toDto(indicator);
        boolean changed = !same(indicator, input);
        if (changed) {
            apply(indicator, input, user);
        }
        changed |= setTarget(indicator, input.target(), targetRecordedAt, user);
        if (changed) {
            // A new target is a change of the indicator: a new version, so a client's stale If-Match cannot undo it.
            indicator.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
            indicators.flush();
            audit.record("indicator", indicator.code, before, toDto(indicator));
        }
        return changed ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    public List<TargetDto> targets(String code) {
        return get(code).targets.stream().map(mapper::toDto).toList();
    }

    /** A target revision (规划调整): a new target from a later date; the original stays for comparison. */
    public Target revise(String code, @NotNull @Valid TargetInput input, String user) {
        caller.require("revising a target", Roles.PLANNER);
        Indicator indicator = get(code);
        IndicatorDto before = toDto(indicator);
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
        indicator.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
        indicators.flush();
        audit.record("indicator", indicator.code, before, toDto(indicator));
        return target;
    }

    private boolean same(Indicator indicator, IndicatorInput input) {
        return indicator.seq == input.seq() && indicator.nameZh.equals(input.nameZh()) && Objects.equals(indicator.nameEn, Inputs.blankToNull(input.nameEn()))
                && indicator.category.code.equals(input.category()) && indicator.unit.equals(input.unit())
                && Objects.equals(indicator.attribute == null ? null : indicator.attribute.name(), Inputs.blankToNull(input.attribute()))
                && indicator.direction.name().equals(input.direction()) && indicator.measures == measures(input)
                && Objects.equals(indicator.series, Inputs.blankToNull(input.series()))
                && Objects.equals(indicator.footnoteZh, Inputs.blankToNull(input.footnoteZh()))
                && Objects.equals(indicator.footnoteEn, Inputs.blankToNull(input.footnoteEn()))
                && departmentsKey(indicator).equals(input.departments().stream().map(d -> d.code() + ":" + d.role()).toList());
    }

    private static List<String> departmentsKey(Indicator indicator) {
        return indicator.departments.stream().map(d -> d.department.code + ":" + d.role.name()).toList();
    }

    private void apply(Indicator indicator, IndicatorInput input, String user) {
        Category category = categories.findByIdOptional(input.category()).orElseThrow(() ->
                new ServiceException.Invalid("category", "unknown category " + input.category() + "; known: "
                        + String.join(", ", categories.listOrdered().stream().map(c -> c.code).toList())));
        UnitCatalog.Units known = units.snapshot();
        if (known.find(input.unit()).isEmpty()) {
            throw new ServiceException.Invalid("unit", "unknown unit '" + input.unit() + "'; known units: " + known.knownUnits()
                    + " (a planner adds one with PUT /api/v1/units/{code})");
        }
        List<IndicatorDepartment> links = resolveDepartments(indicator, input.departments());
        indicator.code = input.code();
        indicator.seq = input.seq();
        indicator.nameZh = input.nameZh().trim();
        indicator.nameEn = Inputs.blankToNull(input.nameEn()) == null ? null : input.nameEn().trim();
        indicator.category = category;
        indicator.unit = input.unit().trim();
        indicator.attribute = Inputs.blankToNull(input.attribute()) == null ? null : Indicator.Attribute.valueOf(input.attribute());
        indicator.direction = Indicator.Direction.valueOf(input.direction());
        indicator.measures = measures(input);
        requireMeasurable(indicator);
        indicator.series = Inputs.blankToNull(input.series());
        indicator.footnoteZh = Inputs.blankToNull(input.footnoteZh());
        indicator.footnoteEn = Inputs.blankToNull(input.footnoteEn());
        if (!departmentsKey(indicator).equals(links.stream().map(d -> d.department.code + ":" + d.role.name()).toList())) {
            indicator.departments.clear();
            indicators.flush();
            indicator.departments.addAll(links);
        }
        indicator.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** What the input says the yearly values measure, or what its name and unit say when it is silent. */
    private static Indicator.Measures measures(IndicatorInput input) {
        String stated = Inputs.blankToNull(input.measures());
        return stated != null ? Indicator.Measures.valueOf(stated) : Indicator.Measures.readFrom(input.nameZh().trim(), input.unit().trim());
    }

    /**
     * A growth or decline rate is a % of the year before; and a decline rate grows with the decline, so an indicator whose
     * values are decline rates and whose better direction is DECREASE would judge a larger decline as a failure.
     */
    private static void requireMeasurable(Indicator indicator) {
        if (indicator.measures != Indicator.Measures.LEVEL && !"%".equals(indicator.unit)) {
            throw new ServiceException.Invalid("measures", "an indicator that measures " + indicator.measures + " is in %, not " + indicator.unit);
        }
        if (indicator.measures == Indicator.Measures.DECLINE_RATE && indicator.direction == Indicator.Direction.DECREASE) {
            throw new ServiceException.Invalid("direction", "the indicator measures DECLINE_RATE (a larger value is a larger decline), so a larger"
                    + " value is better: its direction is INCREASE, not DECREASE");
        }
    }

    private List<IndicatorDepartment> resolveDepartments(Indicator indicator, List<DepartmentRoleDto> roles) {
        List<IndicatorDepartment> links = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int leads = 0;
        for (int i = 0; i < roles.size(); i++) {
            DepartmentRoleDto role = roles.get(i);
            String field = "departments[" + i + "]";
            Department department = departments.findByCode(role.code()).orElseThrow(() ->
                    new ServiceException.Invalid(field + ".code", "unknown department " + role.code()));
            if (!seen.add(role.code())) {
                throw new ServiceException.Invalid(field + ".code", "department " + role.code() + " is listed twice");
            }
            IndicatorDepartment link = new IndicatorDepartment();
            link.indicator = indicator;
            link.department = department;
            link.role = IndicatorDepartment.Role.valueOf(role.role());
            link.position = i + 1;
            leads += link.role == IndicatorDepartment.Role.LEAD ? 1 : 0;
            links.add(link);
        }
        if (!roles.isEmpty() && leads != 1) {
            throw new ServiceException.Invalid("departments", "exactly one department must be LEAD (found " + leads + ")");
        }
        return links;
    }

    /**
     * Sets the first target or corrects the one in force, recorded at {@code recordedAt} (null: now); a correction keeps
     * the values it replaces as a superseded row. Returns whether anything changed.
     */
    private boolean setTarget(Indicator indicator, TargetInput input, OffsetDateTime recordedAt, String user) {
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

    public Versioned<IndicatorDto> view(String code) {
        LocalDate today = clock.today();
        return pageQuery.findByCode(code).map(row -> new Versioned<>(mapper.toDto(row, today), row.version()))
                .orElseThrow(() -> new ServiceException.NotFound("no indicator with code " + code));
    }

    public Versioned<IndicatorDto> createView(String planCode, @NotNull @Valid IndicatorInput input, String user) {
        Indicator indicator = create(planCode, input, user);
        return new Versioned<>(toDto(indicator), indicator.version);
    }

    public Versioned<IndicatorDto> updateView(String code, @NotNull @Valid IndicatorInput input, String ifMatch, String user) {
        Indicator indicator = update(code, input, ifMatch, user);
        return new Versioned<>(toDto(indicator), indicator.version);
    }

    public TargetDto reviseView(String code, @NotNull @Valid TargetInput input, String user) {
        return mapper.toDto(revise(code, input, user));
    }
}

package gov.planmonitor.indicator.indicators;

import gov.planmonitor.support.input.Inputs;
import gov.planmonitor.support.time.BureauClock;
import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.indicator.config.IndicatorConfig;
import gov.planmonitor.indicator.departments.DepartmentRoleDto;
import gov.planmonitor.indicator.targets.TargetDto;
import gov.planmonitor.indicator.targets.TargetInput;
import gov.planmonitor.indicator.categories.Category;
import gov.planmonitor.indicator.categories.CategoryRepository;
import gov.planmonitor.indicator.departments.Department;
import gov.planmonitor.indicator.departments.DepartmentRepository;
import gov.planmonitor.indicator.plans.Plan;
import gov.planmonitor.indicator.targets.Target;
import gov.planmonitor.support.paging.PageDto;
import gov.planmonitor.support.paging.PageRequest;
import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.input.Codes;
import gov.planmonitor.support.write.IfMatch;
import gov.planmonitor.support.write.VersionedWrites;
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
import gov.planmonitor.indicator.plans.PlanService;
import gov.planmonitor.indicator.targets.IndicatorTargets;
import gov.planmonitor.indicator.units.UnitCatalog;

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
    private final IndicatorTargets targets;
    private final VersionedWrites writes;
    private final VersionedWrites.Kind<Indicator, IndicatorDto> kind = new VersionedWrites.Kind<>("indicator", i -> i.code, this::toDto);
    private final IndicatorMapper mapper;
    private final IndicatorConfig config;
    private final Caller caller;
    private final BureauClock clock;
    private final UnitCatalog units;

    public IndicatorService(IndicatorRepository indicators, CategoryRepository categories, DepartmentRepository departments,
                            PlanService plans, IndicatorTargets targets, IndicatorMapper mapper, IndicatorConfig config, Caller caller,
                            BureauClock clock, IndicatorPageQuery pageQuery, UnitCatalog units, VersionedWrites writes) {
        this.targets = targets;
        this.writes = writes;
        this.pageQuery = pageQuery;
        this.units = units;
        this.clock = clock;
        this.caller = caller;
        this.indicators = indicators;
        this.categories = categories;
        this.departments = departments;
        this.plans = plans;
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

    public Indicator create(String planCode, @NotNull @Valid IndicatorInput input) {
        String user = writes.author();
        return create(planCode, input, null, user);
    }

    /** As {@link #create(String, IndicatorInput, String)}, with the target recorded at a given time (null: now). */
    private Indicator create(String planCode, IndicatorInput input, OffsetDateTime targetRecordedAt, String user) {
        caller.require("adding an indicator to a plan", Roles.PLANNER);
        Plan plan = plans.get(planCode);
        if (indicators.findByCode(input.code()).isPresent()) {
            throw new ServiceException.Conflict("an indicator with code " + input.code() + " already exists");
        }
        requireSeqFree(plan, input.seq(), null);
        Indicator indicator = new Indicator();
        indicator.plan = plan;
        apply(indicator, input, user);
        targets.set(indicator, input.target(), targetRecordedAt, user);
        writes.create(kind, indicator);
        return indicator;
    }

    public Versioned<IndicatorDto> update(String code, @NotNull @Valid IndicatorInput input, IfMatch ifMatch) {
        caller.require("changing an indicator", Roles.PLANNER);
        return writes.update(kind, get(code), ifMatch, indicator -> {
            Codes.requireUnchanged("code", code, input.code());
            requireSeqFree(indicator.plan, input.seq(), indicator);
            apply(indicator, input, writes.author());
            targets.set(indicator, input.target(), null, writes.author());
        });
    }

    /** 409 when another indicator of the plan ({@code self} aside) has the seq. */
    private void requireSeqFree(Plan plan, int seq, Indicator self) {
        indicators.findByPlanAndSeq(plan, seq).filter(other -> other != self).ifPresent(other -> {
            throw new ServiceException.Conflict("plan " + plan.code + " already has an indicator with seq " + seq);
        });
    }

    /**
     * Import: create or update by code; a second identical import reports UNCHANGED and writes nothing. A new or
     * corrected target is recorded at {@code targetRecordedAt} (its source document's date), or now when null.
     */
    public Outcome upsert(String planCode, IndicatorInput input, OffsetDateTime targetRecordedAt) {
        String user = writes.author();
        caller.require("importing indicators", Roles.PLANNER);
        Indicator indicator = indicators.findByCode(input.code()).orElse(null);
        if (indicator == null) {
            create(planCode, input, targetRecordedAt, user);
            return Outcome.CREATED;
        }
        if (!indicator.plan.code.equals(planCode)) {
            throw new ServiceException.Invalid("plan", "indicator " + input.code() + " belongs to plan " + indicator.plan.code + ", not " + planCode);
        }
        requireSeqFree(indicator.plan, input.seq(), indicator);
        boolean changed = writes.changeIf(kind, indicator, i -> {
            boolean fields = !same(i, input);
            if (fields) {
                apply(i, input, user);
            }
            if (targets.set(i, input.target(), targetRecordedAt, user) || fields) {
                // A new target is a change of the indicator: a new version, so a client's stale If-Match cannot undo it.
                i.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
                return true;
            }
            return false;
        });
        return changed ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    public List<TargetDto> targets(String code) {
        return get(code).targets.stream().map(mapper::toDto).toList();
    }

    /** A target revision (规划调整): a new target from a later date; the original stays for comparison. */
    public TargetDto reviseView(String code, @NotNull @Valid TargetInput input) {
        String user = writes.author();
        caller.require("revising a target", Roles.PLANNER);
        List<Target> made = new ArrayList<>(1);
        writes.change(kind, get(code), indicator -> {
            made.add(targets.revise(indicator, input, user));
            indicator.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
        });
        return mapper.toDto(made.get(0));
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

    /**
     * Gives an indicator these departments (a task's commitment follows its task: TaskService); audited as an update when
     * they differ from its own.
     */
    public void assignDepartments(Indicator indicator, List<DepartmentRoleDto> roles) {
        List<String> wanted = roles.stream().map(r -> r.code() + ":" + r.role()).toList();
        writes.changeIf(kind, indicator, i -> {
            if (departmentsKey(i).equals(wanted)) {
                return false;
            }
            List<IndicatorDepartment> links = resolveDepartments(i, roles);
            i.departments.clear();
            indicators.flush();
            i.departments.addAll(links);
            i.touch(writes.author(), OffsetDateTime.now(ZoneOffset.UTC));
            return true;
        });
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

    public Versioned<IndicatorDto> view(String code) {
        LocalDate today = clock.today();
        return pageQuery.findByCode(code).map(row -> new Versioned<>(mapper.toDto(row, today), row.version()))
                .orElseThrow(() -> new ServiceException.NotFound("no indicator with code " + code));
    }

    public Versioned<IndicatorDto> createView(String planCode, @NotNull @Valid IndicatorInput input) {
        Indicator indicator = create(planCode, input);
        return new Versioned<>(toDto(indicator), indicator.version);
    }
}

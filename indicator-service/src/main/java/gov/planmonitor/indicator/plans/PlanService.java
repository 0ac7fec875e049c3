package gov.planmonitor.indicator.plans;

import gov.planmonitor.support.input.Inputs;
import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.indicator.config.IndicatorConfig;
import gov.planmonitor.indicator.indicators.IndicatorMapper;
import gov.planmonitor.indicator.indicators.IndicatorRepository;
import gov.planmonitor.support.paging.PageDto;
import gov.planmonitor.support.paging.PageRequest;
import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.input.Codes;
import gov.planmonitor.support.write.IfMatch;
import gov.planmonitor.support.write.VersionedWrites;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.tabular.Outcome;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

@ApplicationScoped
@Transactional
public class PlanService {

    private static final Map<String, String> SORT_FIELDS = Map.of("code", "code", "startYear", "startYear", "endYear", "endYear", "kind", "kind");

    private final PlanRepository plans;
    private final IndicatorRepository indicators;
    private final IndicatorMapper mapper;
    private final IndicatorConfig config;
    private final Caller caller;
    private final VersionedWrites writes;
    private final VersionedWrites.Kind<Plan, PlanDto> kind = new VersionedWrites.Kind<>("plan", p -> p.code, this::toDto);

    public PlanService(PlanRepository plans, IndicatorRepository indicators, IndicatorMapper mapper, IndicatorConfig config, Caller caller, VersionedWrites writes) {
        this.caller = caller;
        this.writes = writes;
        this.plans = plans;
        this.indicators = indicators;
        this.mapper = mapper;
        this.config = config;
    }

    public PageDto<PlanDto> list(Integer page, Integer size, String sort, String kind, String parent, Integer year, OffsetDateTime updatedSince) {
        PageRequest request = PageRequest.of(page, size, sort, config.paging().defaultSize(), config.paging().maxSize(), SORT_FIELDS, "startYear,code");
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (kind != null) {
            try {
                params.and("kind", Plan.Kind.valueOf(kind));
            } catch (IllegalArgumentException e) {
                throw new ServiceException.BadQuery("kind", "kind must be FIVE_YEAR or ANNUAL");
            }
            where.add("kind = :kind");
        }
        if (parent != null) {
            where.add("parent.code = :parent");
            params.and("parent", parent);
        }
        if (year != null) {
            where.add("startYear <= :year and endYear >= :year");
            params.and("year", year);
        }
        if (updatedSince != null) {
            where.add("updatedAt >= :since");
            params.and("since", updatedSince);
        }
        PanacheQuery<Plan> query = where.isEmpty() ? plans.findAll(request.sort())
                : plans.find(String.join(" and ", where), request.sort(), params);
        List<PlanDto> items = query.page(Page.of(request.page(), request.size())).list().stream().map(this::toDto).toList();
        return new PageDto<>(items, query.count(), request.page(), request.size());
    }

    public PlanDto toDto(Plan plan) {
        return mapper.toDto(plan, indicators.count("plan", plan));
    }

    public Plan get(String code) {
        return plans.findByCode(code).orElseThrow(() -> new ServiceException.NotFound("no plan with code " + code));
    }

    public Plan create(@NotNull @Valid PlanInput input) {
        String user = writes.author();
        caller.require("creating a plan", Roles.PLANNER);
        if (plans.findByCode(input.code()).isPresent()) {
            throw new ServiceException.Conflict("a plan with code " + input.code() + " already exists");
        }
        Plan plan = new Plan();
        apply(plan, input, user);
        writes.create(kind, plan);
        return plan;
    }

    public Versioned<PlanDto> update(String code, @NotNull @Valid PlanInput input, IfMatch ifMatch) {
        caller.require("changing a plan", Roles.PLANNER);
        return writes.update(kind, get(code), ifMatch, plan -> {
            Codes.requireUnchanged("code", code, input.code());
            apply(plan, input, writes.author());
        });
    }

    public Outcome upsert(PlanInput input) {
        String user = writes.author();
        caller.require("importing plans", Roles.PLANNER);
        Plan plan = plans.findByCode(input.code()).orElse(null);
        if (plan == null) {
            create(input);
            return Outcome.CREATED;
        }
        if (same(plan, input)) {
            return Outcome.UNCHANGED;
        }
        writes.change(kind, plan, p -> apply(p, input, user));
        return Outcome.UPDATED;
    }

    private static boolean same(Plan plan, PlanInput input) {
        return plan.kind.name().equals(input.kind()) && plan.startYear == input.startYear() && plan.endYear == input.endYear()
                && plan.titleZh.equals(input.titleZh()) && plan.titleEn.equals(input.titleEn())
                && Objects.equals(plan.parent == null ? null : plan.parent.code, Inputs.blankToNull(input.parent()));
    }

    private void apply(Plan plan, PlanInput input, String user) {
        Plan.Kind kind = Plan.Kind.valueOf(input.kind());
        if (input.endYear() < input.startYear()) {
            throw new ServiceException.Invalid("endYear", "endYear " + input.endYear() + " is before startYear " + input.startYear());
        }
        if (kind == Plan.Kind.ANNUAL && !input.startYear().equals(input.endYear())) {
            throw new ServiceException.Invalid("endYear", "an annual plan covers one year: startYear and endYear must be equal");
        }
        Plan parent = null;
        String parentCode = Inputs.blankToNull(input.parent());
        if (parentCode != null) {
            parent = plans.findByCode(parentCode).orElseThrow(() ->
                    new ServiceException.Invalid("parent", "parent plan " + parentCode + " does not exist"));
            if (parent.kind != Plan.Kind.FIVE_YEAR || kind != Plan.Kind.ANNUAL) {
                throw new ServiceException.Invalid("parent", "only an annual plan can have a parent, and the parent must be a five-year plan");
            }
            if (!parent.covers(input.startYear())) {
                throw new ServiceException.Invalid("parent", "year " + input.startYear() + " is outside the parent plan " + parentCode
                        + " (" + parent.startYear + "–" + parent.endYear + ")");
            }
        }
        plan.code = input.code();
        plan.kind = kind;
        plan.startYear = input.startYear();
        plan.endYear = input.endYear();
        plan.titleZh = input.titleZh().trim();
        plan.titleEn = input.titleEn().trim();
        plan.parent = parent;
        plan.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
    }


    public Versioned<PlanDto> view(String code) {
        Plan plan = get(code);
        return new Versioned<>(toDto(plan), plan.version);
    }

    public Versioned<PlanDto> createView(@NotNull @Valid PlanInput input) {
        Plan plan = create(input);
        plans.flush();
        return new Versioned<>(toDto(plan), plan.version);
    }
}

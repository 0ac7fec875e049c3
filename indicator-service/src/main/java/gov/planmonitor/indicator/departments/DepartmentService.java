package gov.planmonitor.indicator.departments;

import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.indicator.config.IndicatorConfig;
import gov.planmonitor.indicator.indicators.IndicatorMapper;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

@ApplicationScoped
@Transactional
public class DepartmentService {

    private static final Map<String, String> SORT_FIELDS = Map.of("code", "code", "nameZh", "nameZh", "nameEn", "nameEn");

    private final DepartmentRepository departments;
    private final IndicatorMapper mapper;
    private final IndicatorConfig config;
    private final Caller caller;
    private final VersionedWrites writes;
    private final VersionedWrites.Kind<Department, DepartmentDto> kind;

    public DepartmentService(DepartmentRepository departments, IndicatorMapper mapper, IndicatorConfig config, Caller caller, VersionedWrites writes) {
        this.caller = caller;
        this.writes = writes;
        this.kind = new VersionedWrites.Kind<>("department", d -> d.code, mapper::toDto);
        this.departments = departments;
        this.mapper = mapper;
        this.config = config;
    }

    public PageDto<DepartmentDto> list(Integer page, Integer size, String sort, String q, OffsetDateTime updatedSince) {
        PageRequest request = PageRequest.of(page, size, sort, config.paging().defaultSize(), config.paging().maxSize(), SORT_FIELDS, "code");
        java.util.List<String> where = new java.util.ArrayList<>();
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (q != null && !q.isBlank()) {
            where.add("(lower(code) like :lower or nameZh like :any or lower(nameEn) like :lower)");
            params.and("lower", "%" + q.toLowerCase() + "%").and("any", "%" + q + "%");
        }
        if (updatedSince != null) {
            where.add("updatedAt >= :since");
            params.and("since", updatedSince);
        }
        PanacheQuery<Department> query = where.isEmpty() ? departments.findAll(request.sort())
                : departments.find(String.join(" and ", where), request.sort(), params);
        return new PageDto<>(query.page(Page.of(request.page(), request.size())).list().stream().map(mapper::toDto).toList(),
                query.count(), request.page(), request.size());
    }

    public Department get(String code) {
        return departments.findByCode(code).orElseThrow(() -> new ServiceException.NotFound("no department with code " + code));
    }

    public Department create(@NotNull @Valid DepartmentDto input) {
        String user = writes.author();
        caller.require("registering a department", Roles.PLANNER);
        if (departments.findByCode(input.code()).isPresent()) {
            throw new ServiceException.Conflict("a department with code " + input.code() + " already exists");
        }
        Department department = new Department();
        apply(department, input, user);
        writes.create(kind, department);
        return department;
    }

    public Versioned<DepartmentDto> update(String code, @NotNull @Valid DepartmentDto input, IfMatch ifMatch) {
        caller.require("changing a department", Roles.PLANNER);
        return writes.update(kind, get(code), ifMatch, department -> {
            Codes.requireUnchanged("code", code, input.code());
            apply(department, input, writes.author());
        });
    }

    /** Import: create or update by code. */
    public Outcome upsert(DepartmentDto input) {
        String user = writes.author();
        caller.require("importing departments", Roles.PLANNER);
        Department department = departments.findByCode(input.code()).orElse(null);
        if (department == null) {
            create(input);
            return Outcome.CREATED;
        }
        if (Objects.equals(department.nameZh, input.nameZh()) && Objects.equals(department.nameEn, input.nameEn())) {
            return Outcome.UNCHANGED;
        }
        writes.change(kind, department, d -> apply(d, input, user));
        return Outcome.UPDATED;
    }

    private static void apply(Department department, DepartmentDto input, String user) {
        department.code = input.code();
        department.nameZh = input.nameZh().trim();
        department.nameEn = input.nameEn().trim();
        department.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
    }

    public Versioned<DepartmentDto> view(String code) {
        Department department = get(code);
        return new Versioned<>(mapper.toDto(department), department.version);
    }

    public Versioned<DepartmentDto> createView(@NotNull @Valid DepartmentDto input) {
        Department department = create(input);
        departments.flush();
        return new Versioned<>(mapper.toDto(department), department.version);
    }
}

package gov.planmonitor.project.lists;

import gov.planmonitor.support.input.Inputs;
import gov.planmonitor.support.time.BureauClock;
import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.project.config.ProjectConfig;
import gov.planmonitor.project.projects.CodeNameDto;
import gov.planmonitor.project.lists.ListSummaryDto.CategoryRollupDto;
import gov.planmonitor.project.lists.ListSummaryDto.DifferenceDto;
import gov.planmonitor.project.lists.ListSummaryDto.InvestmentTotalsDto;
import gov.planmonitor.project.lists.ListSummaryDto.OverdueMilestoneDto;
import gov.planmonitor.project.projects.MoneyDto;
import gov.planmonitor.project.projects.ProjectMapper;
import gov.planmonitor.project.reference.Category;
import gov.planmonitor.project.progress.Investment;
import gov.planmonitor.project.progress.InvestmentRepository;
import gov.planmonitor.project.progress.Milestone;
import gov.planmonitor.project.progress.MilestoneRepository;
import gov.planmonitor.project.projects.Project;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

@ApplicationScoped
@Transactional
public class ProjectListService {

    private static final Map<String, String> SORT_FIELDS = Map.of("code", "code", "year", "year", "nameZh", "nameZh");

    private final ProjectListRepository lists;
    private final InvestmentRepository investments;
    private final MilestoneRepository milestones;
    private final ProjectMapper mapper;
    private final ProjectConfig config;
    private final Caller caller;
    private final BureauClock clock;
    private final VersionedWrites writes;
    private final VersionedWrites.Kind<ProjectList, ProjectListDto> kind;

    public ProjectListService(ProjectListRepository lists, InvestmentRepository investments, MilestoneRepository milestones, ProjectMapper mapper,
                              ProjectConfig config, Caller caller, BureauClock clock, VersionedWrites writes) {
        this.writes = writes;
        this.kind = new VersionedWrites.Kind<>("project-list", l -> l.code, mapper::toDto);
        this.clock = clock;
        this.caller = caller;
        this.lists = lists;
        this.investments = investments;
        this.milestones = milestones;
        this.mapper = mapper;
        this.config = config;
    }

    public PageDto<ProjectListDto> list(Integer page, Integer size, String sort, Integer year, java.time.OffsetDateTime updatedSince) {
        PageRequest request = PageRequest.of(page, size, sort, config.paging().defaultSize(), config.paging().maxSize(), SORT_FIELDS, "code");
        List<String> where = new java.util.ArrayList<>();
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (year != null) {
            where.add("year = :year");
            params.and("year", year);
        }
        if (updatedSince != null) {
            where.add("updatedAt >= :since");
            params.and("since", updatedSince);
        }
        PanacheQuery<ProjectList> query = where.isEmpty() ? lists.findAll(request.sort())
                : lists.find(String.join(" and ", where), request.sort(), params);
        return new PageDto<>(query.page(Page.of(request.page(), request.size())).list().stream().map(mapper::toDto).toList(),
                query.count(), request.page(), request.size());
    }

    public ProjectList get(String code) {
        return lists.findByCode(code).orElseThrow(() -> new ServiceException.NotFound("no project list with code " + code));
    }

    public Versioned<ProjectListDto> view(String code) {
        ProjectList list = get(code);
        return new Versioned<>(mapper.toDto(list), list.version);
    }

    public Versioned<ProjectListDto> create(@NotNull @Valid ProjectListInput input) {
        String user = writes.author();
        caller.require("creating a project list", Roles.PLANNER);
        if (lists.findByCode(input.code()).isPresent()) {
            throw new ServiceException.Conflict("a project list with code " + input.code() + " already exists");
        }
        ProjectList list = new ProjectList();
        apply(list, input, user);
        return writes.create(kind, list);
    }

    public Versioned<ProjectListDto> update(String code, @NotNull @Valid ProjectListInput input, IfMatch ifMatch) {
        caller.require("changing a project list", Roles.PLANNER);
        return writes.update(kind, get(code), ifMatch, list -> {
            Codes.requireUnchanged("code", code, input.code());
            apply(list, input, writes.author());
        });
    }

    public Outcome upsert(ProjectListInput input) {
        String user = writes.author();
        caller.require("importing project lists", Roles.PLANNER);
        ProjectList list = lists.findByCode(input.code()).orElse(null);
        if (list == null) {
            create(input);
            return Outcome.CREATED;
        }
        if (list.nameZh.equals(input.nameZh()) && list.nameEn.equals(input.nameEn()) && Objects.equals(list.year, input.year())
                && Objects.equals(list.planCode, Inputs.blankToNull(input.plan()))
                && Objects.equals(list.reportedProjectCount, input.reportedProjectCount())
                && Inputs.sameNumber(list.reportedCompletedInvestment, input.reportedCompletedInvestment())
                && Inputs.sameNumber(list.reportedPlannedInvestmentShare, input.reportedPlannedInvestmentShare())
                && Objects.equals(list.reportedNote, Inputs.blankToNull(input.reportedNote()))) {
            return Outcome.UNCHANGED;
        }
        writes.change(kind, list, l -> apply(l, input, user));
        return Outcome.UPDATED;
    }

    private static void apply(ProjectList list, ProjectListInput input, String user) {
        list.code = input.code();
        list.nameZh = input.nameZh().trim();
        list.nameEn = input.nameEn().trim();
        list.year = input.year();
        list.planCode = Inputs.blankToNull(input.plan());
        list.reportedProjectCount = input.reportedProjectCount();
        list.reportedCompletedInvestment = input.reportedCompletedInvestment();
        list.reportedPlannedInvestmentShare = input.reportedPlannedInvestmentShare();
        list.reportedNote = Inputs.blankToNull(input.reportedNote());
        list.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /**
     * Roll-up of a list: counts by category, status and zone; planned vs completed investment by category and in
     * total for a year (the list's own year by default; all years when the list has none); overdue milestones;
     * and the published figures beside the computed ones with the difference.
     */
    public ListSummaryDto summary(String code, Integer requestedYear) {
        ProjectList list = get(code);
        Integer year = requestedYear != null ? requestedYear : list.year;
        List<Project> members = list.members.stream().sorted(Comparator.comparingInt(m -> m.seq)).map(m -> m.project).toList();
        List<Investment> money = members.isEmpty() ? List.of()
                : year == null ? investments.list("project in ?1", members) : investments.list("project in ?1 and year = ?2", members, year);
        Map<Long, List<Investment>> moneyByProject = new LinkedHashMap<>();
        money.forEach(i -> moneyByProject.computeIfAbsent(i.project.id, k -> new ArrayList<>()).add(i));

        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (Project.Status s : Project.Status.values()) {
            byStatus.put(s.name(), 0);
        }
        Map<String, Integer> byZone = new TreeMap<>();
        Map<Category, List<Project>> byCategory = new TreeMap<>(Comparator.comparingInt((Category c) -> c.seq).thenComparing(c -> c.code));
        for (Project p : members) {
            byStatus.merge(p.status.name(), 1, Integer::sum);
            byZone.merge(p.zone == null ? "NONE" : p.zone.code, 1, Integer::sum);
            byCategory.computeIfAbsent(p.category, c -> new ArrayList<>()).add(p);
        }
        List<CategoryRollupDto> categoryRollups = new ArrayList<>();
        for (Map.Entry<Category, List<Project>> entry : byCategory.entrySet()) {
            List<Investment> rows = entry.getValue().stream().flatMap(p -> moneyByProject.getOrDefault(p.id, List.of()).stream()).toList();
            categoryRollups.add(new CategoryRollupDto(new CodeNameDto(entry.getKey().code, entry.getKey().nameZh, entry.getKey().nameEn),
                    entry.getValue().size(), totals(rows)));
        }
        InvestmentTotalsDto total = totals(money);

        LocalDate today = clock.today();
        List<OverdueMilestoneDto> overdue = members.isEmpty() ? List.of()
                : milestones.list("project in ?1 and state = ?2 and plannedDate < ?3 order by plannedDate", members, Milestone.State.PLANNED, today)
                .stream().map(m -> new OverdueMilestoneDto(m.project.code, m.project.nameZh, m.id, m.nameZh, m.plannedDate)).toList();

        Integer countDiff = list.reportedProjectCount == null ? null : members.size() - list.reportedProjectCount;
        BigDecimal completed = total.completed() == null ? null : total.completed().yuan();
        MoneyDto completedDiff = list.reportedCompletedInvestment == null || completed == null ? null
                : MoneyDto.of(completed.subtract(list.reportedCompletedInvestment));
        BigDecimal shareDiff = list.reportedPlannedInvestmentShare == null || total.completionRatio() == null ? null
                : MoneyDto.strip(total.completionRatio().subtract(list.reportedPlannedInvestmentShare));
        return new ListSummaryDto(mapper.toDto(list), year, members.size(), categoryRollups, byStatus, byZone, total, overdue,
                new DifferenceDto(countDiff, completedDiff, shareDiff));
    }

    private static InvestmentTotalsDto totals(List<Investment> rows) {
        BigDecimal planned = ProjectMapper.sum(rows.stream().map(i -> i.planned).toList());
        BigDecimal completed = ProjectMapper.sum(rows.stream().map(i -> i.completed).toList());
        return new InvestmentTotalsDto(MoneyDto.of(planned), MoneyDto.of(completed), ProjectMapper.ratio(completed, planned));
    }
}

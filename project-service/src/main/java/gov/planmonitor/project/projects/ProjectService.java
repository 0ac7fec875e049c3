package gov.planmonitor.project.projects;

import gov.planmonitor.support.input.Inputs;
import gov.planmonitor.support.time.BureauClock;
import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.audit.AuditTrail;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.project.client.IndicatorClient;
import gov.planmonitor.project.lists.MembershipDto;
import gov.planmonitor.project.reference.Category;
import gov.planmonitor.project.reference.CategoryRepository;
import gov.planmonitor.project.progress.InvestmentRepository;
import gov.planmonitor.project.lists.ListMember;
import gov.planmonitor.project.progress.MilestoneRepository;
import gov.planmonitor.project.lists.ProjectList;
import gov.planmonitor.project.lists.ProjectListRepository;
import gov.planmonitor.project.reference.Zone;
import gov.planmonitor.project.reference.ZoneRepository;
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

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

@ApplicationScoped
@Transactional
public class ProjectService {

    private final ProjectRepository projects;
    private final ProjectQuery projectQuery;
    private final ProjectSteps steps;
    private final ProjectListRepository lists;
    private final CategoryRepository categories;
    private final ZoneRepository zones;
    private final InvestmentRepository investments;
    private final MilestoneRepository milestones;
    private final StatusChangeRepository statusChanges;
    private final CancellationRequestRepository cancellations;
    private final IndicatorClient indicatorClient;
    private final ProjectMapper mapper;
    private final Caller caller;
    private final AuditTrail audit;
    private final BureauClock clock;
    private final VersionedWrites writes;
    private final VersionedWrites.Kind<Project, ProjectDto> kind = new VersionedWrites.Kind<>("project", p -> p.code, p -> toDto(p, null));

    public ProjectService(ProjectRepository projects, ProjectListRepository lists, CategoryRepository categories, ZoneRepository zones,
                          InvestmentRepository investments, MilestoneRepository milestones, StatusChangeRepository statusChanges,
                          IndicatorClient indicatorClient, ProjectMapper mapper, Caller caller, AuditTrail audit, BureauClock clock,
                          ProjectQuery projectQuery, CancellationRequestRepository cancellations, ProjectSteps steps, VersionedWrites writes) {
        this.writes = writes;
        this.steps = steps;
        this.projectQuery = projectQuery;
        this.cancellations = cancellations;
        this.clock = clock;
        this.caller = caller;
        this.audit = audit;
        this.projects = projects;
        this.lists = lists;
        this.categories = categories;
        this.zones = zones;
        this.investments = investments;
        this.milestones = milestones;
        this.statusChanges = statusChanges;
        this.indicatorClient = indicatorClient;
        this.mapper = mapper;
    }

    public Project get(String id) {
        return projects.findByCode(id).orElseThrow(() -> new ServiceException.NotFound("no project with id " + id));
    }

    public ProjectDto toDto(Project project, String listCode) {
        return mapper.toDto(project, listCode, investments.list("project = ?1 order by year", project),
                milestones.list("project = ?1 order by plannedDate", project));
    }

    public Versioned<ProjectDto> view(String id) {
        return projectQuery.findByCode(id).map(row -> new Versioned<>(mapper.toDto(row), row.version()))
                .orElseThrow(() -> new ServiceException.NotFound("no project with id " + id));
    }

    public Versioned<ProjectDto> create(@NotNull @Valid ProjectInput input) {
        String user = writes.author();
        Project project = createProject(input, user);
        return new Versioned<>(toDto(project, null), project.version);
    }

    public Versioned<ProjectDto> update(String id, @NotNull @Valid ProjectInput input, IfMatch ifMatch) {
        caller.require("changing a project", Roles.PLANNER);
        return writes.update(kind, get(id), ifMatch, project -> {
            Codes.requireUnchanged("id", id, input.id());
            if (input.status() != null && !input.status().equals(project.status.name())) {
                throw new ServiceException.Invalid("status", "change the status through POST /api/v1/projects/" + id + "/status, which checks the lifecycle");
            }
            apply(project, input, writes.author());
        });
    }

    Project createProject(ProjectInput input, String user) {
        caller.require("creating a project", Roles.PLANNER);
        if (projects.findByCode(input.id()).isPresent()) {
            throw new ServiceException.Conflict("a project with id " + input.id() + " already exists");
        }
        Project project = new Project();
        project.status = input.status() == null ? Project.Status.IDENTIFICATION : Project.Status.valueOf(input.status());
        apply(project, input, user);
        projects.persist(project);
        projects.flush();
        setMemberships(project, input.lists());
        steps.record(project, null, project.status, clock.today(), "created", user);
        projects.flush();
        audit.record("project", project.code, null, toDto(project, null));
        return project;
    }

    /** Import: create, or bring an existing project in line with the row; UNCHANGED writes nothing. */
    public Outcome upsert(ProjectInput input) {
        String user = writes.author();
        caller.require("importing projects", Roles.PLANNER);
        Project project = projects.findByCode(input.id()).orElse(null);
        if (project == null) {
            createProject(input, user);
            return Outcome.CREATED;
        }
        boolean changed = writes.changeIf(kind, project, p -> importRow(p, input, user));
        return changed ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    /** An import row's changes of an existing project (fields, lists, a step of its lifecycle); whether there were any. */
    private boolean importRow(Project project, ProjectInput input, String user) {
        boolean changed = !same(project, input);
        if (changed) {
            apply(project, input, user);
        }
        changed |= setMemberships(project, input.lists());
        if (input.status() != null && !input.status().equals(project.status.name())) {
            Project.Status from = project.status;
            Project.Status to = Project.Status.valueOf(input.status());
            // An import moves a project only along its lifecycle, as POST …/status does (a new project may start anywhere).
            Set<Project.Status> allowed = steps.allowedNext(project);
            if (!allowed.contains(to)) {
                throw new ServiceException.Invalid("status", "project " + project.code + " is " + from + " and cannot move to " + to
                        + (allowed.isEmpty() ? " (" + from + " is final)" : "; allowed: " + allowed));
            }
            CancellationRequest open = to == Project.Status.CANCELLED ? cancellations.findOpenForUpdate(project).orElse(null) : null;
            project.status = to;
            StatusChange step = steps.record(project, from, project.status, clock.today(), "imported", user);
            if (open != null) {
                step.cancellationRequestId = open.id;
                steps.decide(open, CancellationRequest.State.APPROVED, "cancelled by an import", user);
            }
            changed = true;
        }
        return changed;
    }

    private boolean same(Project p, ProjectInput in) {
        return p.nameZh.equals(in.nameZh()) && p.nameEn.equals(in.nameEn()) && p.category.code.equals(in.category())
                && Objects.equals(p.tasksZh, Inputs.blankToNull(in.tasksZh())) && Objects.equals(p.tasksEn, Inputs.blankToNull(in.tasksEn()))
                && Objects.equals(p.zone == null ? null : p.zone.code, Inputs.blankToNull(in.zone()))
                && Objects.equals(p.investmentType == null ? null : p.investmentType.name(), Inputs.blankToNull(in.investmentType()))
                && departmentKey(p).equals(in.departments() == null ? List.of() : in.departments().stream().map(d -> d.code() + ":" + d.role()).toList())
                && p.indicators.equals(new TreeSet<>(in.indicators() == null ? List.of() : in.indicators()))
                && Inputs.sameNumber(p.totalPlannedInvestment, in.totalPlannedInvestment()) && Inputs.sameNumber(p.progressPercent, in.progressPercent())
                && Objects.equals(p.address, in.location() == null ? null : Inputs.blankToNull(in.location().address()))
                && Inputs.sameNumber(p.latitude, in.location() == null ? null : in.location().latitude())
                && Inputs.sameNumber(p.longitude, in.location() == null ? null : in.location().longitude())
                && Objects.equals(p.note, Inputs.blankToNull(in.note()));
    }

    private static List<String> departmentKey(Project p) {
        return p.departments.stream().map(d -> d.code() + ":" + d.role.name()).toList();
    }

    private void apply(Project project, ProjectInput input, String user) {
        Category category = categories.findByCode(input.category()).orElseThrow(() ->
                new ServiceException.Invalid("category", "unknown category " + input.category()));
        Zone zone = null;
        if (Inputs.blankToNull(input.zone()) != null) {
            zone = zones.findByIdOptional(input.zone()).orElseThrow(() -> new ServiceException.Invalid("zone",
                    "unknown zone " + input.zone() + "; one of " + zones.listAll().stream().map(z -> z.code).toList()));
        }
        List<DepartmentRoleDto> roles = input.departments() == null ? List.of() : input.departments();
        Set<String> seen = new HashSet<>();
        long leads = roles.stream().filter(r -> r.role().equals("LEAD")).count();
        for (DepartmentRoleDto role : roles) {
            if (!seen.add(role.code())) {
                throw new ServiceException.Invalid("departments", "department " + role.code() + " is listed twice");
            }
        }
        if (!roles.isEmpty() && leads != 1) {
            throw new ServiceException.Invalid("departments", "exactly one department must be LEAD (found " + leads + ")");
        }
        Set<String> indicatorCodes = new TreeSet<>(input.indicators() == null ? List.of() : input.indicators());
        for (String code : indicatorCodes) {
            if (!project.indicators.contains(code) && !indicatorExists(code)) {
                throw new ServiceException.Invalid("indicators", "unknown plan indicator " + code);
            }
        }
        project.code = input.id();
        project.nameZh = input.nameZh().trim();
        project.nameEn = input.nameEn().trim();
        project.category = category;
        project.tasksZh = Inputs.blankToNull(input.tasksZh());
        project.tasksEn = Inputs.blankToNull(input.tasksEn());
        project.zone = zone;
        project.investmentType = Inputs.blankToNull(input.investmentType()) == null ? null : Project.InvestmentType.valueOf(input.investmentType());
        project.totalPlannedInvestment = input.totalPlannedInvestment();
        project.progressPercent = input.progressPercent();
        project.address = input.location() == null ? null : Inputs.blankToNull(input.location().address());
        project.latitude = input.location() == null ? null : input.location().latitude();
        project.longitude = input.location() == null ? null : input.location().longitude();
        project.note = Inputs.blankToNull(input.note());
        if (!departmentKey(project).equals(roles.stream().map(d -> d.code() + ":" + d.role()).toList())) {
            project.departments.clear();
            if (project.id != null) {
                projects.flush();
            }
            int position = 1;
            for (DepartmentRoleDto role : roles) {
                ProjectDepartment link = new ProjectDepartment();
                link.project = project;
                link.id.departmentCode = role.code();
                link.role = ProjectDepartment.Role.valueOf(role.role());
                link.position = position++;
                project.departments.add(link);
            }
        }
        project.indicators.clear();
        project.indicators.addAll(indicatorCodes);
        project.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private boolean indicatorExists(String code) {
        try {
            return indicatorClient.exists(code);
        } catch (RuntimeException e) {
            throw new ServiceException.Unavailable("cannot check plan indicator " + code + ": the indicator service is unavailable; try again later");
        }
    }

    /** Adds the memberships the input names that the project lacks, or moves it within a list; returns whether anything changed. */
    private boolean setMemberships(Project project, List<MembershipDto> wanted) {
        if (wanted == null) {
            return false;
        }
        boolean changed = false;
        Set<String> codes = new HashSet<>();
        for (MembershipDto m : wanted) {
            if (!codes.add(m.code())) {
                throw new ServiceException.Invalid("lists", "list " + m.code() + " is named twice");
            }
            ProjectList list = lists.findByCode(m.code()).orElseThrow(() -> new ServiceException.Invalid("lists", "unknown project list " + m.code()));
            ListMember existing = list.members.stream().filter(x -> x.project == project).findFirst().orElse(null);
            list.members.stream().filter(x -> x.project != project && x.seq == m.seq()).findFirst().ifPresent(x -> {
                throw new ServiceException.Conflict("list " + m.code() + " already has project " + x.project.code + " at seq " + m.seq());
            });
            if (existing == null) {
                ListMember member = new ListMember();
                member.list = list;
                member.project = project;
                member.seq = m.seq();
                list.members.add(member);
                project.memberships.add(member);
                changed = true;
            } else if (existing.seq != m.seq()) {
                existing.seq = m.seq();
                changed = true;
            }
        }
        return changed;
    }

    // ---- lifecycle ----

    public StatusDto status(String id) {
        Project project = get(id);
        return new StatusDto(project.status.name(), steps.allowedNext(project).stream().map(Enum::name).toList(),
                statusChanges.list("project = ?1 order by recordedAt, id", project).stream().map(mapper::toDto).toList());
    }

    public Versioned<StatusDto> changeStatus(String id, @NotNull @Valid StatusChangeInput input, IfMatch ifMatch) {
        Project project = get(id);
        requireResponsible(project, "changing the status of project " + id, Roles.PLANNER);
        Project.Status to = Project.Status.valueOf(input.to());
        if (to == Project.Status.CANCELLED) {
            steps.requireCanceller(project);
        }
        // A change based on a stale read gets 412. Optional, as contract 1.0 had no If-Match here; two changes at the same
        // moment are still kept apart by the version check when the change is flushed.
        ifMatch.checkIfSent(project.version);
        steps.move(project, to, input.date(), Inputs.blankToNull(input.reason()), caller.name(), null, null);
        return new Versioned<>(status(id), project.version);
    }

    /**
     * Object-level check for a project's figures: the departments responsible for it (lead or support) may write
     * them, and so may holders of {@code alsoAllowed} and admins.
     */
    public void requireResponsible(Project project, String what, String... alsoAllowed) {
        caller.requireDepartment(what, project.departments.stream().map(ProjectDepartment::code).collect(java.util.stream.Collectors.toCollection(TreeSet::new)),
                alsoAllowed);
    }


}

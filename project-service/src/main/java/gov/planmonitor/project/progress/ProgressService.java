package gov.planmonitor.project.progress;

import gov.planmonitor.support.input.Inputs;
import gov.planmonitor.support.time.BureauClock;
import gov.planmonitor.support.audit.AuditTrail;
import gov.planmonitor.project.projects.ProjectMapper;
import gov.planmonitor.project.projects.Project;
import gov.planmonitor.support.paging.Versioned;
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
import java.util.List;
import java.util.Objects;
import gov.planmonitor.project.projects.ProjectService;

/** Money and progress of a project: yearly investment, milestones, dated progress updates. */
@ApplicationScoped
@Transactional
public class ProgressService {

    /** A write that may create (201) or replace (200). */
    public record Written<T>(Versioned<T> value, boolean created) {
    }

    private final ProjectService projects;
    private final InvestmentRepository investments;
    private final MilestoneRepository milestones;
    private final ProgressUpdateRepository updates;
    private final ProjectMapper mapper;
    private final AuditTrail audit;
    private final BureauClock clock;
    private final VersionedWrites writes;
    private final VersionedWrites.Kind<Milestone, MilestoneDto> milestoneKind;
    private final VersionedWrites.Kind<Investment, InvestmentDto> investmentKind;

    public ProgressService(ProjectService projects, InvestmentRepository investments, MilestoneRepository milestones,
                           ProgressUpdateRepository updates, ProjectMapper mapper, AuditTrail audit, BureauClock clock, VersionedWrites writes) {
        this.writes = writes;
        this.milestoneKind = new VersionedWrites.Kind<>("milestone", m -> m.project.code + "/" + m.id, mapper::toDto);
        this.investmentKind = new VersionedWrites.Kind<>("investment", i -> i.project.code + "/" + i.year, mapper::toDto);
        this.clock = clock;
        this.audit = audit;
        this.projects = projects;
        this.investments = investments;
        this.milestones = milestones;
        this.updates = updates;
        this.mapper = mapper;
    }

    public List<InvestmentDto> investments(String id) {
        return investments.list("project = ?1 order by year", projects.get(id)).stream().map(mapper::toDto).toList();
    }

    public Versioned<InvestmentDto> investment(String id, int year) {
        Investment i = investments.find("project = ?1 and year = ?2", projects.get(id), year).firstResultOptional()
                .orElseThrow(() -> new ServiceException.NotFound("project " + id + " has no investment figures for " + year));
        return new Versioned<>(mapper.toDto(i), i.version);
    }

    /** Records a year's planned and completed investment, or replaces them (If-Match required). */
    public Written<InvestmentDto> putInvestment(String id, int year, @NotNull @Valid InvestmentInput input, IfMatch ifMatch) {
        Project project = projects.get(id);
        projects.requireResponsible(project, "reporting investment of project " + id);
        Investment existing = investments.find("project = ?1 and year = ?2", project, year).firstResult();
        if (existing != null) {
            ifMatch.require(existing.version);
        }
        return new Written<>(write(project, year, existing, input, writes.author()), existing == null);
    }

    public Outcome upsertInvestment(String id, int year, InvestmentInput input) {
        String user = writes.author();
        Project project = projects.get(id);
        projects.requireResponsible(project, "reporting investment of project " + id);
        Investment existing = investments.find("project = ?1 and year = ?2", project, year).firstResult();
        if (existing != null && Inputs.sameNumber(existing.planned, input.planned()) && Inputs.sameNumber(existing.completed, input.completed())
                && Objects.equals(existing.note, Inputs.blankToNull(input.note()))) {
            return Outcome.UNCHANGED;
        }
        write(project, year, existing, input, user);
        return existing == null ? Outcome.CREATED : Outcome.UPDATED;
    }

    private Versioned<InvestmentDto> write(Project project, int year, Investment existing, InvestmentInput input, String user) {
        if (year < 1949 || year > 2100) {
            throw new ServiceException.Invalid("year", "year " + year + " is out of range");
        }
        if (input.planned() == null && input.completed() == null) {
            throw new ServiceException.Invalid("planned", "give planned or completed investment (or both)");
        }
        return writes.save(investmentKind, existing, Investment::new, i -> {
            i.project = project;
            i.year = year;
            i.planned = input.planned();
            i.completed = input.completed();
            i.note = Inputs.blankToNull(input.note());
            i.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
        });
    }

    public List<MilestoneDto> milestones(String id) {
        return milestones.list("project = ?1 order by plannedDate, id", projects.get(id)).stream().map(mapper::toDto).toList();
    }

    public Versioned<MilestoneDto> addMilestone(String id, @NotNull @Valid MilestoneInput input) {
        String user = writes.author();
        Milestone m = new Milestone();
        m.project = projects.get(id);
        projects.requireResponsible(m.project, "adding a milestone to project " + id);
        apply(m, input, user);
        return writes.create(milestoneKind, m);
    }

    public Outcome upsertMilestone(String id, MilestoneInput input) {
        String user = writes.author();
        Project project = projects.get(id);
        projects.requireResponsible(project, "recording milestones of project " + id);
        Milestone existing = milestones.find("project = ?1 and nameZh = ?2", project, input.nameZh()).firstResult();
        if (existing != null && existing.plannedDate.equals(input.plannedDate()) && Objects.equals(existing.actualDate, input.actualDate())
                && Objects.equals(existing.nameEn, Inputs.blankToNull(input.nameEn()))
                && existing.state.name().equals(state(input).name())) {
            return Outcome.UNCHANGED;
        }
        writes.save(milestoneKind, existing, Milestone::new, m -> {
            m.project = project;
            apply(m, input, user);
        });
        return existing == null ? Outcome.CREATED : Outcome.UPDATED;
    }

    public Versioned<MilestoneDto> milestone(String id, long milestoneId) {
        Milestone m = findMilestone(id, milestoneId);
        return new Versioned<>(mapper.toDto(m), m.version);
    }

    public Versioned<MilestoneDto> updateMilestone(String id, long milestoneId, @NotNull @Valid MilestoneInput input, IfMatch ifMatch) {
        Milestone m = findMilestone(id, milestoneId);
        projects.requireResponsible(m.project, "changing a milestone of project " + id);
        return writes.update(milestoneKind, m, ifMatch, milestone -> apply(milestone, input, writes.author()));
    }

    private Milestone findMilestone(String id, long milestoneId) {
        Project project = projects.get(id);
        return milestones.find("project = ?1 and id = ?2", project, milestoneId).firstResultOptional()
                .orElseThrow(() -> new ServiceException.NotFound("project " + id + " has no milestone " + milestoneId));
    }

    private static Milestone.State state(MilestoneInput input) {
        if (input.state() != null) {
            return Milestone.State.valueOf(input.state());
        }
        return input.actualDate() != null ? Milestone.State.REACHED : Milestone.State.PLANNED;
    }

    private void apply(Milestone m, MilestoneInput input, String user) {
        Milestone.State state = state(input);
        LocalDate today = clock.today();
        if (input.actualDate() != null && input.actualDate().isAfter(today)) {
            throw new ServiceException.Invalid("actualDate", "a milestone cannot be reached in the future (" + input.actualDate() + ")");
        }
        if (state == Milestone.State.REACHED && input.actualDate() == null) {
            throw new ServiceException.Invalid("actualDate", "a REACHED milestone needs its actual date");
        }
        if (state == Milestone.State.PLANNED && input.actualDate() != null) {
            throw new ServiceException.Invalid("state", "a milestone with an actual date is REACHED, not PLANNED");
        }
        m.nameZh = input.nameZh().trim();
        m.nameEn = Inputs.blankToNull(input.nameEn());
        m.plannedDate = input.plannedDate();
        m.actualDate = input.actualDate();
        m.state = state;
        m.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
    }

    public List<ProgressUpdateDto> updates(String id) {
        return updates.list("project = ?1 order by updateDate desc, id desc", projects.get(id)).stream().map(mapper::toDto).toList();
    }

    /** A dated progress report; its percent, when given, becomes the project's physical progress if it is the latest. */
    public ProgressUpdateDto addUpdate(String id, @NotNull @Valid ProgressUpdateInput input) {
        String user = writes.author();
        Project project = projects.get(id);
        projects.requireResponsible(project, "reporting progress of project " + id);
        if (input.date().isAfter(clock.today())) {
            throw new ServiceException.Invalid("date", "a progress update cannot be dated in the future");
        }
        ProgressUpdate latest = updates.find("project = ?1 order by updateDate desc, id desc", project).firstResult();
        ProgressUpdate u = new ProgressUpdate();
        u.project = project;
        u.updateDate = input.date();
        u.textZh = input.textZh().trim();
        u.textEn = Inputs.blankToNull(input.textEn());
        u.progressPercent = input.progressPercent();
        u.links = input.links() == null || input.links().isEmpty() ? null : String.join("\n", input.links());
        u.author = user;
        u.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        updates.persist(u);
        if (input.progressPercent() != null && (latest == null || !input.date().isBefore(latest.updateDate))) {
            project.progressPercent = input.progressPercent();
            project.touch(user, u.recordedAt);
        }
        updates.flush();
        audit.record("progress-update", id + "/" + u.id, null, mapper.toDto(u));
        return mapper.toDto(u);
    }
}

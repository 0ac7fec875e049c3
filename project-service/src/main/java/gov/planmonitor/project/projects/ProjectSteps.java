package gov.planmonitor.project.projects;

import gov.planmonitor.project.projects.rules.ProjectLifecycle;
import gov.planmonitor.support.audit.AuditTrail;
import gov.planmonitor.support.input.Inputs;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.time.BureauClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * A project's steps through its lifecycle, loaded and recorded: the rules themselves are {@link ProjectLifecycle}'s;
 * this finds what they need (the stage a suspension interrupted, the last step's date, an open cancellation request),
 * records the step in the history and audits it. Used by POST …/status, imports and cancellation requests.
 */
@ApplicationScoped
@Transactional
public class ProjectSteps {

    private final ProjectRepository projects;
    private final StatusChangeRepository statusChanges;
    private final CancellationRequestRepository cancellations;
    private final ProjectMapper mapper;
    private final Caller caller;
    private final AuditTrail audit;
    private final BureauClock clock;

    public ProjectSteps(ProjectRepository projects, StatusChangeRepository statusChanges, CancellationRequestRepository cancellations,
                        ProjectMapper mapper, Caller caller, AuditTrail audit, BureauClock clock) {
        this.projects = projects;
        this.statusChanges = statusChanges;
        this.cancellations = cancellations;
        this.mapper = mapper;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * CANCELLED is final, so cancelling is a planner's decision (or an admin's): a department responsible for the project
     * asks for it with a cancellation request instead, which a planner approves or refuses.
     */
    void requireCanceller(Project project) {
        if (caller.has(Roles.PLANNER) || caller.has(Roles.ADMIN)) {
            return;
        }
        Set<String> roles = caller.roles();
        throw new ServiceException.Forbidden("cancelling project " + project.code + " is a planner's decision (role planner or admin), as CANCELLED is final;"
                + " your token has " + (roles.isEmpty() ? "no role" : "the role(s) " + String.join(", ", roles))
                + ". A department responsible for the project asks for it instead: POST /api/v1/projects/" + project.code
                + "/cancellation-requests with the reason, which a planner approves or refuses");
    }

    /**
     * The one lifecycle path of POST …/status and of an approved cancellation request: checks the step (allowed next,
     * reason, date), records it in the history and audits it. A step to CANCELLED approves the project's open cancellation
     * request ({@code request} when approving one, else any that is open) and names it.
     *
     * @param date the day of the change; null for today (or the last change's day, if that is later)
     * @param comment the planner's comment on the request approved; null to take the reason
     */
    StatusChange move(Project project, Project.Status to, LocalDate date, String reason, String user, CancellationRequest request, String comment) {
        // Locked before the project is written, as approving a request does (request, then project): no deadlock.
        CancellationRequest open = to != Project.Status.CANCELLED ? null
                : request != null ? request : cancellations.findOpenForUpdate(project).orElse(null);
        String before = project.status.name();
        Set<Project.Status> allowed = allowedNext(project);
        if (!allowed.contains(to)) {
            throw new ServiceException.Invalid("to", "a project in " + project.status + " cannot move to " + to
                    + (allowed.isEmpty() ? " (" + project.status + " is final)" : "; allowed: " + allowed));
        }
        if (ProjectLifecycle.needsReason(to) && Inputs.blankToNull(reason) == null) {
            throw new ServiceException.Invalid("reason", "give the reason for moving the project to " + to);
        }
        // The record of a project's entry into the system does not count: its history may be entered afterwards.
        StatusChange last = statusChanges.find("project = ?1 and fromStatus is not null order by recordedAt desc, id desc", project).firstResult();
        LocalDate today = clock.today();
        if (date == null) {
            date = last != null && last.changedOn.isAfter(today) ? last.changedOn : today;
        }
        if (last != null && date.isBefore(last.changedOn)) {
            throw new ServiceException.Invalid("date", "dates out of order: " + date + " is before the last change (" + last.changedOn + ")");
        }
        if (date.isAfter(today.plusDays(1))) {
            throw new ServiceException.Invalid("date", "a status change cannot be dated in the future");
        }
        Project.Status from = project.status;
        project.status = to;
        project.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
        StatusChange step = record(project, from, to, date, reason, user);
        if (open != null) {
            step.cancellationRequestId = open.id;
        }
        projects.flush();
        // The step made is the status's new representation (StatusChange in the contract), as the change feed announces it.
        audit.record("project-status", project.code, java.util.Map.of("status", before), mapper.toDto(step));
        if (open != null) {
            decide(open, CancellationRequest.State.APPROVED, comment != null ? comment : reason, user);
        }
        return step;
    }

    /** Whether the project may still be cancelled (409 otherwise): CANCELLED is among its allowed next steps. */
    void requireCancellable(Project project) {
        Set<Project.Status> allowed = allowedNext(project);
        if (!allowed.contains(Project.Status.CANCELLED)) {
            throw new ServiceException.Conflict("project " + project.code + " is " + project.status + " and cannot move to CANCELLED"
                    + (allowed.isEmpty() ? " (" + project.status + " is final)" : "; allowed next: " + allowed));
        }
    }

    /** Records a planner's decision on an open cancellation request, and audits it. */
    void decide(CancellationRequest request, CancellationRequest.State state, String comment, String user) {
        Object before = mapper.toDto(request);
        request.state = state;
        request.comment = comment;
        request.decidedBy = user;
        request.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
        cancellations.flush();
        audit.record("cancellation-request", request.project.code + "/" + request.id, before, mapper.toDto(request));
    }

    /** The lifecycle's next steps (ProjectLifecycle), for a suspended project with the stage its suspension interrupted. */
    Set<Project.Status> allowedNext(Project project) {
        Project.Status interrupted = null;
        if (project.status == Project.Status.SUSPENDED) {
            StatusChange suspension = statusChanges.find("project = ?1 and toStatus = ?2 order by recordedAt desc, id desc",
                    project, Project.Status.SUSPENDED).firstResult();
            interrupted = suspension == null ? null : suspension.fromStatus;
        }
        return ProjectLifecycle.allowedNext(project.status, interrupted);
    }

    StatusChange record(Project project, Project.Status from, Project.Status to, LocalDate date, String reason, String user) {
        StatusChange change = new StatusChange();
        change.project = project;
        change.fromStatus = from;
        change.toStatus = to;
        change.changedOn = date;
        change.reason = reason;
        change.author = user;
        change.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        statusChanges.persist(change);
        return change;
    }
}

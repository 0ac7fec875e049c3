package gov.planmonitor.project.projects;

import gov.planmonitor.support.audit.AuditTrail;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Cancellation requests. Cancelling a project is final, so it is a planner's decision: the departments responsible for a
 * project (lead or support) ask for it, one open request at a time, and a planner approves it (the project moves to
 * CANCELLED through the lifecycle, and that step of its history names the request) or refuses it (the status stays).
 */
@ApplicationScoped
@Transactional
public class CancellationService {

    private final ProjectService projects;
    private final ProjectSteps steps;
    private final CancellationRequestRepository requests;
    private final ProjectMapper mapper;
    private final Caller caller;
    private final AuditTrail audit;

    public CancellationService(ProjectService projects, CancellationRequestRepository requests, ProjectMapper mapper, Caller caller, AuditTrail audit,
                               ProjectSteps steps) {
        this.steps = steps;
        this.projects = projects;
        this.requests = requests;
        this.mapper = mapper;
        this.caller = caller;
        this.audit = audit;
    }

    /** The project's requests in the order they were made. */
    public List<CancellationRequestDto> list(String id) {
        return requests.list("project = ?1 order by requestedAt, id", projects.get(id)).stream().map(mapper::toDto).toList();
    }

    public CancellationRequestDto get(String id, long requestId) {
        Project project = projects.get(id);
        return requests.find("project = ?1 and id = ?2", project, requestId).firstResultOptional().map(mapper::toDto)
                .orElseThrow(() -> notFound(id, requestId));
    }

    /** A department responsible for the project (or a planner) asks for its cancellation. */
    public CancellationRequestDto request(String id, @NotNull @Valid CancellationRequestInput input) {
        String user = caller.name();
        Project project = projects.get(id);
        projects.requireResponsible(project, "asking to cancel project " + id, Roles.PLANNER);
        steps.requireCancellable(project);
        requests.find("project = ?1 and state = ?2", project, CancellationRequest.State.OPEN).firstResultOptional().ifPresent(open -> {
            throw new ServiceException.Conflict("project " + id + " already has an open cancellation request (" + open.id
                    + "): a planner approves or refuses it before another can be made");
        });
        CancellationRequest request = new CancellationRequest();
        request.project = project;
        request.reason = input.reason().trim();
        request.state = CancellationRequest.State.OPEN;
        request.requestedBy = user;
        request.requestedAt = OffsetDateTime.now(ZoneOffset.UTC);
        requests.persist(request);
        // Two requests made at the same moment: the database's one-open-request index lets one through, the other is a 409.
        requests.flush();
        CancellationRequestDto created = mapper.toDto(request);
        audit.record("cancellation-request", id + "/" + request.id, null, created);
        return created;
    }

    /** A planner approves: the project moves to CANCELLED, its history naming the request, with its reason and the comment. */
    public CancellationRequestDto approve(String id, long requestId, @NotNull @Valid CancellationDecisionInput input) {
        String user = caller.name();
        caller.require("approving a cancellation request", Roles.PLANNER);
        Project project = projects.get(id);
        CancellationRequest request = open(project, requestId);
        steps.requireCancellable(project);
        String comment = input.comment().trim();
        steps.move(project, Project.Status.CANCELLED, null,
                request.reason + " (cancellation request " + request.id + " approved: " + comment + ")", user, request, comment);
        return mapper.toDto(request);
    }

    /** A planner refuses: the project's status stays; the request keeps the comment. */
    public CancellationRequestDto refuse(String id, long requestId, @NotNull @Valid CancellationDecisionInput input) {
        String user = caller.name();
        caller.require("refusing a cancellation request", Roles.PLANNER);
        Project project = projects.get(id);
        CancellationRequest request = open(project, requestId);
        steps.decide(request, CancellationRequest.State.REFUSED, input.comment().trim(), user);
        return mapper.toDto(request);
    }

    /** The request, locked for the decision; 409 when it has been decided already. */
    private CancellationRequest open(Project project, long requestId) {
        CancellationRequest request = requests.findForUpdate(project, requestId).orElseThrow(() -> notFound(project.code, requestId));
        if (request.state != CancellationRequest.State.OPEN) {
            throw new ServiceException.Conflict("cancellation request " + requestId + " of project " + project.code + " was "
                    + request.state.name().toLowerCase() + " already, and a decision is final; "
                    + "a new request can be made while the project can still be cancelled");
        }
        return request;
    }

    private static ServiceException.NotFound notFound(String id, long requestId) {
        return new ServiceException.NotFound("project " + id + " has no cancellation request " + requestId);
    }
}

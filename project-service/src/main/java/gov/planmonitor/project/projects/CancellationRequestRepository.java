package gov.planmonitor.project.projects;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;

@ApplicationScoped
public class CancellationRequestRepository implements PanacheRepositoryBase<CancellationRequest, Long> {

    /** The project's open request, locked until the transaction ends: whoever decides it second sees it decided. */
    public Optional<CancellationRequest> findOpenForUpdate(Project project) {
        return find("project = ?1 and state = ?2", project, CancellationRequest.State.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** One request of the project, locked until the transaction ends. */
    public Optional<CancellationRequest> findForUpdate(Project project, long id) {
        return find("project = ?1 and id = ?2", project, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}

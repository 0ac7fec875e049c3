package gov.planmonitor.project.reference;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import gov.planmonitor.project.projects.Project;

@ApplicationScoped
public class ZoneRepository implements PanacheRepositoryBase<Zone, String> {

    /** Codes of (at most {@code limit}) projects in the zone, for a refusal to delete it that says which. */
    public List<String> projectsIn(Zone zone, int limit) {
        return getEntityManager().createQuery("select p.code from Project p where p.zone = :zone order by p.code", String.class)
                .setParameter("zone", zone).setMaxResults(limit).getResultList();
    }
}

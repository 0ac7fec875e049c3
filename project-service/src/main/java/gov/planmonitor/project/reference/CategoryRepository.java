package gov.planmonitor.project.reference;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import gov.planmonitor.project.projects.Project;

@ApplicationScoped
public class CategoryRepository implements PanacheRepositoryBase<Category, Long> {

    public Optional<Category> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** Codes of (at most {@code limit}) projects in the category, for a refusal to delete it that says which. */
    public List<String> projectsIn(Category category, int limit) {
        return getEntityManager().createQuery("select p.code from Project p where p.category = :category order by p.code", String.class)
                .setParameter("category", category).setMaxResults(limit).getResultList();
    }
}

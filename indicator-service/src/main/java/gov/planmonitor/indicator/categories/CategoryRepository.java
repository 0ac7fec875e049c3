package gov.planmonitor.indicator.categories;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import gov.planmonitor.indicator.indicators.Indicator;

@ApplicationScoped
public class CategoryRepository implements PanacheRepositoryBase<Category, String> {

    /** In their printed order: by sortOrder, equal places by code. */
    public List<Category> listOrdered() {
        return list("order by sortOrder, code");
    }

    /** Codes of (at most {@code limit}) indicators in the category, for a refusal to delete it that says which. */
    public List<String> indicatorsIn(Category category, int limit) {
        return getEntityManager().createQuery("select i.code from Indicator i where i.category = :category order by i.code", String.class)
                .setParameter("category", category).setMaxResults(limit).getResultList();
    }
}

package gov.planmonitor.indicator.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class CategoryRepository implements PanacheRepositoryBase<Category, String> {

    public List<Category> listOrdered() {
        return list("order by sortOrder");
    }
}

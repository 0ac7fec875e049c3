package gov.planmonitor.indicator.categories;

import gov.planmonitor.support.persistence.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An indicator category (经济发展, 创新水平, …), kept by planners through the API since V8. */
@Entity
@Table(name = "category")
public class Category extends Audited {

    @Id
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    /** Null until a translation is given; readers show {@link #nameEnOrZh()}. */
    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    /** The English name, or the Chinese one where no translation is entered. */
    public String nameEnOrZh() {
        return nameEn != null ? nameEn : nameZh;
    }
}

package gov.planmonitor.indicator.units;

import gov.planmonitor.support.persistence.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** A unit of measure the bureau keeps; indicators name it by its printed form. Read as a snapshot by UnitCatalog. */
@Entity
@Table(name = "unit")
public class UnitOfMeasure extends Audited {

    @Id
    public String code;

    /** As plans print it (亿元, %, /10万); an indicator's unit. It does not change: a new printed form is a new unit. */
    @Column(nullable = false, unique = true)
    public String printed;

    @Column(nullable = false)
    public String normalized;

    @Column(nullable = false)
    public BigDecimal scale;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "non_negative", nullable = false)
    public boolean nonNegative;

    @Column(nullable = false)
    public boolean rate;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;
}

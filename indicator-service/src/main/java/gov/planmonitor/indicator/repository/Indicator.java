package gov.planmonitor.indicator.repository;

import gov.planmonitor.support.persistence.Audited;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;

import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "indicator")
public class Indicator extends Audited {

    /** 约束性 (binding) or 预期性 (expected); null where the source gives none (专栏1). */
    public enum Attribute { BINDING, EXPECTED }

    /** Which way is better. */
    public enum Direction { INCREASE, DECREASE, MAINTAIN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String code;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    @Column(nullable = false)
    public int seq;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_code")
    public Category category;

    /** The unit exactly as printed; its normalised form comes from the unit catalogue. */
    @Column(nullable = false)
    public String unit;

    @Enumerated(EnumType.STRING)
    public Attribute attribute;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Direction direction;

    /** Indicators of different plans measuring the same thing share a series, so one history spans plans. */
    public String series;

    @Column(name = "footnote_zh")
    public String footnoteZh;

    @Column(name = "footnote_en")
    public String footnoteEn;

    @OneToMany(mappedBy = "indicator", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<IndicatorDepartment> departments = new ArrayList<>();

    /** The targets as they stand; the ones a correction replaced stay in the table for reads "as of" a past time. */
    @OneToMany(mappedBy = "indicator", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("effectiveFrom")
    @SQLRestriction("superseded_at IS NULL")
    public List<Target> targets = new ArrayList<>();
}

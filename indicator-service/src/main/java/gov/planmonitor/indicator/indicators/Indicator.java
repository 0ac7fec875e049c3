package gov.planmonitor.indicator.indicators;

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
import gov.planmonitor.indicator.categories.Category;
import gov.planmonitor.indicator.plans.Plan;
import gov.planmonitor.indicator.targets.Target;

@Entity
@Table(name = "indicator")
public class Indicator extends Audited {

    /** 约束性 (binding) or 预期性 (expected); null where the source gives none (专栏1). */
    public enum Attribute { BINDING, EXPECTED }

    /** Which way is better. */
    public enum Direction { INCREASE, DECREASE, MAINTAIN }

    /**
     * What the indicator's yearly values measure: a level (a share, an amount, a count), a growth rate in % (地区生产总值
     * 增长率: the year's growth, recorded as growthRate) or a decline rate in % (单位GDP能耗下降率: the year's decline).
     * It decides how a target is read and judged.
     */
    public enum Measures {
        LEVEL, GROWTH_RATE, DECLINE_RATE;

        /** What an indicator measures when its input does not say: a % indicator named …增长率 or …下降率 (降低率, 减少率). */
        public static Measures readFrom(String nameZh, String unit) {
            if (!"%".equals(unit) || nameZh == null) {
                return LEVEL;
            }
            if (nameZh.matches(".*(下降|降低|减少)率.*")) {
                return DECLINE_RATE;
            }
            return nameZh.contains("增长率") ? GROWTH_RATE : LEVEL;
        }
    }

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

    /** Null until a translation is entered; the API shows nameZh in its place. */
    @Column(name = "name_en")
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Measures measures;

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

    /** The English name, or the Chinese one where no translation is entered yet. */
    public String nameEnOrZh() {
        return nameEn != null ? nameEn : nameZh;
    }
}

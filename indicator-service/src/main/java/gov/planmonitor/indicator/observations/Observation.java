package gov.planmonitor.indicator.observations;

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
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import gov.planmonitor.indicator.indicators.Indicator;

/**
 * One revision of the value of an indicator for a year. Rows are never updated in place except to mark
 * them superseded, which keeps the history and makes reads "as of" a past time possible.
 */
@Entity
@Table(name = "observation")
public class Observation {

    public enum Status { PRELIMINARY, FINAL, ESTIMATE }

    public enum PriceBasis { CURRENT_PRICES, CONSTANT_PRICES, COMPARABLE_CALIBER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id")
    public Indicator indicator;

    @Column(nullable = false)
    public int year;

    /** First year of a multi-year result (a five-year plan's outcome); null for a single year. */
    @Column(name = "period_start")
    public Integer periodStart;

    public BigDecimal value;

    @Column(name = "growth_rate")
    public BigDecimal growthRate;

    @Enumerated(EnumType.STRING)
    @Column(name = "price_basis")
    public PriceBasis priceBasis;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "qualitative_zh")
    public String qualitativeZh;

    @Column(name = "qualitative_en")
    public String qualitativeEn;

    /** False when the statistical caliber changed, so the value cannot be compared with the target. */
    @Column(nullable = false)
    public boolean comparable = true;

    public String source;

    public String note;

    @Column(nullable = false)
    public int revision;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "superseded_at")
    public OffsetDateTime supersededAt;

    @Column(name = "superseded_by")
    public String supersededBy;

    /** A yes/no target's result (建成, 全覆盖): done or not, as the department records it; null when none is recorded. */
    public Boolean completed;

    /** What a yes/no result rests on (the acceptance document, the notice); required with it. */
    public String evidence;

    public boolean hasNumber() {
        return value != null || growthRate != null;
    }
}

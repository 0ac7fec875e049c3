package gov.planmonitor.indicator.targets;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import gov.planmonitor.indicator.indicators.Indicator;

/**
 * One revision of an indicator's target; the printed text is kept beside its parsed form. A correction of a target
 * keeps the replaced values as a row of their own, marked superseded, so reads "as of" a past time see them.
 */
@Entity
@Table(name = "target")
public class Target {

    public enum Kind { ABOUT, AT_LEAST, AT_MOST, REACH, RANGE, AVERAGE_ANNUAL_GROWTH, AVERAGE_ANNUAL_DECLINE, CUMULATIVE_DECLINE, CUMULATIVE_SUM,
        MULTIPLE_OF_BASE, CHANGE_FROM_BASE, POINTS_FROM_BASE, RELATIVE, YES_NO, QUALITATIVE }

    /** Whether the target constrains the level of the indicator or its growth rate. */
    public enum Measure { LEVEL, GROWTH_RATE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id")
    public Indicator indicator;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(nullable = false)
    public String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Measure measure;

    public BigDecimal value;

    /** A RANGE's high end (value is its low end). */
    @Column(name = "value_high")
    public BigDecimal valueHigh;

    /** The stretch goal printed beside the target (7%，力争8%: 8): shown, not judged. */
    @Column(name = "stretch_value")
    public BigDecimal stretchValue;

    /** A target on each year's change (比上年下降3%), judged every year as it stands rather than at the end. */
    @Column(name = "every_year", nullable = false)
    public boolean everyYear;

    /** The year whose level a MULTIPLE_OF_BASE, CHANGE_FROM_BASE or POINTS_FROM_BASE target starts from. */
    @Column(name = "base_year")
    public Integer baseYear;

    /** The 左右 band; evaluation ignores it for binding indicators. */
    public BigDecimal tolerance;

    @Column(name = "text_unit")
    public String textUnit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reference_indicator_id")
    public Indicator referenceIndicator;

    public String reason;

    /** When the target was recorded: now, or the date of its source document when an import gives one. */
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "superseded_at")
    public OffsetDateTime supersededAt;

    @Column(name = "superseded_by")
    public String supersededBy;
}

package gov.planmonitor.project.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import gov.planmonitor.project.projects.Project;

/** A dated progress report on a project: text, optional physical progress, links to documents. */
@Entity
@Table(name = "progress_update")
public class ProgressUpdate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id")
    public Project project;

    @Column(name = "update_date", nullable = false)
    public LocalDate updateDate;

    @Column(name = "text_zh", nullable = false)
    public String textZh;

    @Column(name = "text_en")
    public String textEn;

    @Column(name = "progress_percent")
    public BigDecimal progressPercent;

    /** Document links, one per line. */
    public String links;

    @Column(nullable = false)
    public String author;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}

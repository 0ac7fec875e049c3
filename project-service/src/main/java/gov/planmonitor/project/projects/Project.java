package gov.planmonitor.project.projects;

import gov.planmonitor.support.persistence.CodedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import gov.planmonitor.project.lists.ListMember;
import gov.planmonitor.project.reference.Category;
import gov.planmonitor.project.reference.Zone;

@Entity
@Table(name = "project")
public class Project extends CodedEntity {

    /** Lifecycle stages after OC4IDS's projectStatus codelist, plus SUSPENDED. */
    public enum Status { IDENTIFICATION, PREPARATION, IMPLEMENTATION, COMPLETION, COMPLETED, CANCELLED, SUSPENDED }

    public enum InvestmentType { GOVERNMENT, SOCIAL, PPP }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    public Category category;

    /** 主要建设任务, exactly as printed. */
    @Column(name = "tasks_zh")
    public String tasksZh;

    @Column(name = "tasks_en")
    public String tasksEn;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "zone_code")
    public Zone zone;

    @Enumerated(EnumType.STRING)
    @Column(name = "investment_type")
    public InvestmentType investmentType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Yuan. */
    @Column(name = "total_planned_investment")
    public BigDecimal totalPlannedInvestment;

    @Column(name = "progress_percent")
    public BigDecimal progressPercent;

    public String address;

    public BigDecimal latitude;

    public BigDecimal longitude;

    public String note;

    @OneToMany(mappedBy = "project", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<ProjectDepartment> departments = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "project_indicator", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "indicator_code")
    public Set<String> indicators = new TreeSet<>();

    @OneToMany(mappedBy = "project")
    public List<ListMember> memberships = new ArrayList<>();
}

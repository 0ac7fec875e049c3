package gov.planmonitor.project.lists;

import gov.planmonitor.support.persistence.CodedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A list of key projects: the plan's 附件1, or a year's key project list. */
@Entity
@Table(name = "project_list")
public class ProjectList extends CodedEntity {

    public Integer year;

    @Column(name = "plan_code")
    public String planCode;

    @Column(name = "reported_project_count")
    public Integer reportedProjectCount;

    /** Yuan. */
    @Column(name = "reported_completed_investment")
    public BigDecimal reportedCompletedInvestment;

    /** Percent of the year's planned investment, as published (112.5). */
    @Column(name = "reported_planned_investment_share")
    public BigDecimal reportedPlannedInvestmentShare;

    @Column(name = "reported_note")
    public String reportedNote;

    @OneToMany(mappedBy = "list", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    public List<ListMember> members = new ArrayList<>();
}

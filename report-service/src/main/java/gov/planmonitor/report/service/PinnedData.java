package gov.planmonitor.report.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import gov.planmonitor.report.client.Department;
import gov.planmonitor.report.client.Plan;
import gov.planmonitor.report.client.PlanEvaluation;
import gov.planmonitor.report.client.Project;
import gov.planmonitor.report.client.ProjectListSummary;
import gov.planmonitor.report.client.Task;

import java.util.List;

/**
 * What a report job read from the other services, as of a time: stored with the report (its pinned_data) and the
 * only input of its content. The field names are those the job has always stored, so a row stored before these
 * records existed (the services' whole answers) reads back as this, its extra fields ignored. A part the report type
 * does not read is null and left out of the stored JSON.
 *
 * @param asOf        the time the indicator data is as of (ISO-8601)
 * @param evaluation  the plan's evaluation (all types but PROJECT_PROGRESS)
 * @param department  the department (DEPARTMENT_SCORECARD)
 * @param projects    the project list's roll-up (PROJECT_PROGRESS; ANNUAL_EXECUTION when the plan has a key project list)
 * @param projectRows the list's projects in printed order (PROJECT_PROGRESS)
 * @param plan        the plan (OVERSIGHT, which reads no evaluation)
 * @param tasks       the plan's tasks in printed order (ANNUAL_EXECUTION, OVERSIGHT), or the department's (DEPARTMENT_SCORECARD);
 *                    null in rows stored before reports read tasks
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PinnedData(String asOf, PlanEvaluation evaluation, Department department, ProjectListSummary projects, List<Project> projectRows, Plan plan,
                         List<Task> tasks) {

    /** The parts every type read before tasks were read. */
    public PinnedData(String asOf, PlanEvaluation evaluation, Department department, ProjectListSummary projects, List<Project> projectRows) {
        this(asOf, evaluation, department, projects, projectRows, null, null);
    }
}

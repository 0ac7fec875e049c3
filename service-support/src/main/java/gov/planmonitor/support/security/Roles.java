package gov.planmonitor.support.security;

/** The roles a token's {@code groups} claim can carry; the same names in every service. */
public final class Roles {

    /** Plans, indicators, targets and their revisions, project lists, projects, departments. */
    public static final String PLANNER = "planner";
    /** Observations of the indicators, and investment, milestones, progress and status of the projects, of its own departments. */
    public static final String DEPARTMENT = "department";
    /** Requests reports. */
    public static final String REPORTER = "reporter";
    /** Everything, and reading the audit trail. */
    public static final String ADMIN = "admin";
    /** Another service of the suite acting on its own behalf (report-service's worker); reads only. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}

package gov.planmonitor.indicator.observations;

import gov.planmonitor.support.problem.ServiceException;

import java.time.OffsetDateTime;

/**
 * The recorded time an import may give a row, so that history taken from a document (a plan outline, an execution
 * report) is recorded at the document's date and reads "as of" an earlier time do not see it. Its rules keep the
 * history in order: never in the future, never before the record it replaces.
 */
public final class RecordedAt {

    /** Who may date a row back: history is a planner's (or an admin's) write, not a department's report. */
    public static final String WHAT = "recording history (recordedAt) in an import";

    private RecordedAt() {
    }

    /** The time to record a row at: the given one, when it is not in the future, else now. */
    public static OffsetDateTime resolve(OffsetDateTime given, OffsetDateTime now, String field) {
        if (given == null) {
            return now;
        }
        if (given.isAfter(now)) {
            throw new ServiceException.Invalid(field, field + " " + given + " is in the future; a row can be recorded at a past time or now");
        }
        return given;
    }

    /** A new record replacing one recorded at {@code replaced} comes after it, so each past time has one answer. */
    public static void requireAfter(OffsetDateTime at, OffsetDateTime replaced, String field) {
        if (replaced != null && at.isBefore(replaced)) {
            throw new ServiceException.Invalid(field, field + " " + at + " is before " + replaced
                    + ", when the record it replaces was recorded; history is only added after what is known");
        }
    }
}

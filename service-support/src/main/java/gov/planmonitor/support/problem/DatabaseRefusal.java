package gov.planmonitor.support.problem;

import java.util.Optional;

/**
 * What PostgreSQL's refusal of a write means for the caller, read from its SQLSTATE. Only a unique or foreign-key
 * violation can be the trace of a concurrent change; a broken CHECK or NOT NULL rule, or a value the column cannot
 * hold, is input the validation let through and is answered as such (never as a "concurrent change"). A database
 * that cannot be reached is a 503, never a 500.
 */
public enum DatabaseRefusal {
    /** 23505: another request created the same thing first. */
    UNIQUE,
    /** 23503: something the data refers to was removed or changed meanwhile. */
    FOREIGN_KEY,
    /** Any other integrity rule of class 23 (23502 not null, 23514 check, 23P01 exclusion). */
    RULE,
    /** 22001 too long, 22003 out of range, 22021/22P05 a character the database cannot store. */
    VALUE,
    /** Class 08 (no connection), 57P01-57P03 (the server shutting down or starting), or no connection from the pool. */
    UNAVAILABLE;

    /** The refusal anywhere in the cause chain, if there is one. */
    public static Optional<DatabaseRefusal> of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                switch (state) {
                    case "23505": return Optional.of(UNIQUE);
                    case "23503": return Optional.of(FOREIGN_KEY);
                    case "22001", "22003", "22021", "22P05": return Optional.of(VALUE);
                    case "57P01", "57P02", "57P03": return Optional.of(UNAVAILABLE);
                    default:
                        if (state.startsWith("23")) {
                            return Optional.of(RULE);
                        }
                        if (state.startsWith("08")) {
                            return Optional.of(UNAVAILABLE);
                        }
                }
            }
            // The pool's own refusal carries no SQLSTATE.
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().contains("Acquisition timeout")) {
                return Optional.of(UNAVAILABLE);
            }
        }
        return Optional.empty();
    }

    /** The name of the constraint refused, where the driver reports it. */
    public static Optional<String> constraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && c.getConstraintName() != null) {
                return Optional.of(c.getConstraintName());
            }
        }
        return Optional.empty();
    }
}

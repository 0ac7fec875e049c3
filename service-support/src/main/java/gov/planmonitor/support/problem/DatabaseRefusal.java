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
    /**
     * Class 08 (no connection), 57P01-57P03 (the server shutting down or starting), no connection from the pool, or a
     * commit the database refused for no reason the driver could give (the connection went away under it): the
     * transaction was rolled back.
     */
    UNAVAILABLE,
    /** The connection was lost in the middle of committing: the database may or may not have applied the write. */
    IN_DOUBT;

    /**
     * The refusal anywhere in the causes, if there is one. Suppressed exceptions count too: a commit that fails
     * reports the driver's exception there, not as the cause, when the rollback after it fails as well.
     */
    public static Optional<DatabaseRefusal> of(Throwable e) {
        for (Throwable t : causes(e)) {
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
            // The pool's own refusal carries no SQLSTATE. Agroal words it "Sorry, acquisition timeout!" when every
            // connection is busy and "Acquisition timeout while waiting for new connection" when one is being opened.
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                return Optional.of(UNAVAILABLE);
            }
        }
        // The transaction manager reports a failed commit without the driver's exception when the connection is gone.
        for (Throwable t : causes(e)) {
            if (t instanceof jakarta.transaction.HeuristicMixedException || t instanceof jakarta.transaction.HeuristicRollbackException
                    || t instanceof jakarta.transaction.SystemException) {
                return Optional.of(IN_DOUBT);
            }
            if (t instanceof jakarta.transaction.RollbackException) {
                return Optional.of(UNAVAILABLE);
            }
        }
        return Optional.empty();
    }

    /** The exception, its causes and their suppressed exceptions, breadth first, each once. */
    private static java.util.List<Throwable> causes(Throwable e) {
        java.util.List<Throwable> seen = new java.util.ArrayList<>();
        java.util.ArrayDeque<Throwable> pending = new java.util.ArrayDeque<>();
        if (e != null) {
            pending.add(e);
        }
        while (!pending.isEmpty() && seen.size() < 50) {
            Throwable t = pending.poll();
            if (seen.stream().anyMatch(s -> s == t)) {
                continue;
            }
            seen.add(t);
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(java.util.List.of(t.getSuppressed()));
            if (t instanceof java.sql.SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
        }
        return seen;
    }

    /** The name of the constraint refused, where the driver reports it. */
    public static Optional<String> constraint(Throwable e) {
        for (Throwable t : causes(e)) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && c.getConstraintName() != null) {
                return Optional.of(c.getConstraintName());
            }
        }
        return Optional.empty();
    }
}

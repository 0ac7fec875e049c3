package gov.planmonitor.support.problem;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What PostgreSQL's refusal means, read from its SQLSTATE wherever the driver's exception sits among the causes. */
class DatabaseRefusalTest {

    private static Optional<DatabaseRefusal> of(String sqlState) {
        return DatabaseRefusal.of(new PersistenceException("could not execute statement", new SQLException("refused", sqlState)));
    }

    @Test
    void integrityViolationsByClass() {
        assertEquals(Optional.of(DatabaseRefusal.UNIQUE), of("23505"));
        assertEquals(Optional.of(DatabaseRefusal.FOREIGN_KEY), of("23503"));
        // not null, check, exclusion, restrict: rules the input broke, never a concurrent change
        assertEquals(Optional.of(DatabaseRefusal.RULE), of("23502"));
        assertEquals(Optional.of(DatabaseRefusal.RULE), of("23514"));
        assertEquals(Optional.of(DatabaseRefusal.RULE), of("23P01"));
        assertEquals(Optional.of(DatabaseRefusal.RULE), of("23001"));
    }

    @Test
    void valuesTheColumnCannotHold() {
        assertEquals(Optional.of(DatabaseRefusal.VALUE), of("22001"));
        assertEquals(Optional.of(DatabaseRefusal.VALUE), of("22003"));
        assertEquals(Optional.of(DatabaseRefusal.VALUE), of("22021"));
        assertEquals(Optional.of(DatabaseRefusal.VALUE), of("22P05"));
        // other data exceptions (22007 a bad datetime format, 22012 division by zero) are the service's own bug
        assertEquals(Optional.empty(), of("22007"));
        assertEquals(Optional.empty(), of("22012"));
    }

    @Test
    void aDatabaseOutOfReach() {
        assertEquals(Optional.of(DatabaseRefusal.UNAVAILABLE), of("08006"));
        assertEquals(Optional.of(DatabaseRefusal.UNAVAILABLE), of("08001"));
        assertEquals(Optional.of(DatabaseRefusal.UNAVAILABLE), of("57P01"));
        assertEquals(Optional.of(DatabaseRefusal.UNAVAILABLE), of("57P03"));
        // 57014 is a statement cancelled (a timeout): the database is there
        assertEquals(Optional.empty(), of("57014"));
        // The pool gives up without a SQLSTATE, in Agroal's two wordings: every connection busy, and one being opened.
        assertEquals(Optional.of(DatabaseRefusal.UNAVAILABLE), DatabaseRefusal.of(new PersistenceException(
                new SQLException("Sorry, acquisition timeout!"))));
        assertEquals(Optional.of(DatabaseRefusal.UNAVAILABLE), DatabaseRefusal.of(new PersistenceException(
                new SQLException("Acquisition timeout while waiting for new connection"))));
        assertEquals(Optional.empty(), DatabaseRefusal.of(new PersistenceException(new SQLException("no state, no timeout"))));
    }

    @Test
    void aCommitThatFailedWithoutTheDriversException() {
        assertEquals(Optional.of(DatabaseRefusal.IN_DOUBT), DatabaseRefusal.of(new RuntimeException(new jakarta.transaction.HeuristicMixedException())));
        assertEquals(Optional.of(DatabaseRefusal.IN_DOUBT), DatabaseRefusal.of(new jakarta.transaction.HeuristicRollbackException()));
        assertEquals(Optional.of(DatabaseRefusal.IN_DOUBT), DatabaseRefusal.of(new jakarta.transaction.SystemException()));
        assertEquals(Optional.of(DatabaseRefusal.UNAVAILABLE), DatabaseRefusal.of(new jakarta.transaction.RollbackException()));
        // The driver's state, where there is one, says more than the transaction manager's summary.
        jakarta.transaction.RollbackException rollback = new jakarta.transaction.RollbackException();
        rollback.initCause(new SQLException("duplicate key", "23505"));
        assertEquals(Optional.of(DatabaseRefusal.UNIQUE), DatabaseRefusal.of(rollback));
    }

    @Test
    void theRefusalIsFoundAmongSuppressedAndChainedExceptions() {
        RuntimeException commit = new RuntimeException("commit failed");
        commit.addSuppressed(new IllegalStateException("rollback failed too", new SQLException("gone", "08003")));
        assertEquals(Optional.of(DatabaseRefusal.UNAVAILABLE), DatabaseRefusal.of(commit));

        SQLException batch = new SQLException("Batch entry 3 was aborted", (String) null);
        batch.setNextException(new SQLException("duplicate key value", "23505"));
        assertEquals(Optional.of(DatabaseRefusal.UNIQUE), DatabaseRefusal.of(new PersistenceException(batch)));
    }

    @Test
    void theNearestRefusalWins() {
        // breadth first: the foreign key, one level down, before the unique violation two levels down
        SQLException deeper = new SQLException("duplicate", "23505");
        SQLException nearer = new SQLException("foreign key", "23503", deeper);
        assertEquals(Optional.of(DatabaseRefusal.FOREIGN_KEY), DatabaseRefusal.of(new PersistenceException(nearer)));
    }

    @Test
    void nothingToFindAndCyclesEnd() {
        assertEquals(Optional.empty(), DatabaseRefusal.of(null));
        assertEquals(Optional.empty(), DatabaseRefusal.of(new IllegalArgumentException("not the database")));
        // a cause that is also suppressed by its own cause: each looked at once, and the search ends
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b");
        a.initCause(b);
        b.addSuppressed(a);
        assertEquals(Optional.empty(), DatabaseRefusal.of(a));
    }

    @Test
    void theConstraintNameWhereHibernateGivesIt() {
        SQLException sql = new SQLException("violates unique constraint", "23505");
        assertEquals(Optional.of("plan_code_key"), DatabaseRefusal.constraint(new PersistenceException(
                new org.hibernate.exception.ConstraintViolationException("could not insert", sql, "plan_code_key"))));
        assertEquals(Optional.empty(), DatabaseRefusal.constraint(new PersistenceException(sql)));
    }
}

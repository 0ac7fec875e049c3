package gov.planmonitor.support.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.FlushMode;
import org.hibernate.Session;

import java.util.function.Supplier;

/**
 * Runs a large read with the session read-only and never flushed. In the default mode every query first flushes, which
 * dirty-checks every entity loaded so far: an evaluation that loads thousands of indicators and runs a query per plan
 * spent most of its time there. The session's modes are restored afterwards, so a write in the same transaction still
 * flushes at commit; but the entities loaded inside stay read-only (changes to them are never written), so use it only
 * for what a request reads and does not change.
 */
public final class ReadOnly {

    private ReadOnly() {
    }

    public static <T> T read(EntityManager entities, Supplier<T> read) {
        Session session = entities.unwrap(Session.class);
        FlushMode mode = session.getHibernateFlushMode();
        boolean readOnly = session.isDefaultReadOnly();
        if (mode != FlushMode.MANUAL) {
            session.flush();
        }
        session.setHibernateFlushMode(FlushMode.MANUAL);
        session.setDefaultReadOnly(true);
        try {
            return read.get();
        } finally {
            session.setHibernateFlushMode(mode);
            session.setDefaultReadOnly(readOnly);
        }
    }
}

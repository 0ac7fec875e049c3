package gov.planmonitor.support.tabular;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.hibernate.CacheMode;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of an export read through a database cursor, a chunk of {@value #CHUNK} entities at a time: a chunk is
 * read, then turned into rows (its lazy associations batch-fetched together, as for a list), then let go by clearing
 * the persistence context, so memory holds one chunk whatever the size of the table. PostgreSQL keeps a cursor open only
 * inside a transaction: the caller runs in one, made {@link #readOnly} first.
 */
public final class CursorRows {

    /** Entities read (and rows fetched from the database) at a time. */
    static final int CHUNK = 500;

    private CursorRows() {
    }

    /** Makes the transaction's session read-only: no snapshots for dirty checking, no flush before the queries. */
    public static void readOnly(EntityManager em) {
        Session session = em.unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        session.setCacheMode(CacheMode.IGNORE);
    }

    /**
     * The query's results as rows, made by {@code row} a chunk at a time. Clears the persistence context after each
     * chunk: entities read before (a plan looked up first) are detached, so queries name things by code or id. Close
     * the stream (try-with-resources) to close the cursor.
     */
    public static <E> Stream<Map<String, Object>> of(EntityManager em, TypedQuery<E> query, Function<? super E, Map<String, Object>> row) {
        query.setHint(HibernateHints.HINT_FETCH_SIZE, CHUNK);
        query.setHint(HibernateHints.HINT_READ_ONLY, true);
        Stream<E> results = query.getResultStream();
        Iterator<E> source = results.iterator();
        Iterator<List<Map<String, Object>>> chunks = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public List<Map<String, Object>> next() {
                if (!source.hasNext()) {
                    throw new NoSuchElementException();
                }
                // The whole chunk is read before any row is made, so that a lazy association loads for the chunk's
                // entities together (batch fetching) rather than one statement per entity.
                List<E> chunk = new ArrayList<>(CHUNK);
                while (chunk.size() < CHUNK && source.hasNext()) {
                    chunk.add(source.next());
                }
                List<Map<String, Object>> rows = new ArrayList<>(chunk.size());
                for (E entity : chunk) {
                    rows.add(row.apply(entity));
                }
                em.clear();
                return rows;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(chunks, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .flatMap(List::stream).onClose(results::close);
    }
}

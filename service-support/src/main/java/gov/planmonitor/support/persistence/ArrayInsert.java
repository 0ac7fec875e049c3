package gov.planmonitor.support.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Inserts many rows in a few statements for bulk imports: each column travels to PostgreSQL as one array and
 * {@code unnest} turns the arrays back into rows, {@value #CHUNK} rows a statement. Row by row through Hibernate, an
 * identity key costs a round trip per row (no JDBC batching); this costs one per chunk. It runs on the transaction's
 * own connection, so it commits or rolls back with the rest of the import.
 */
public final class ArrayInsert {

    public static final int CHUNK = 5_000;

    /** A column: its PostgreSQL element type (text, int4, int8, numeric, bool) and its value in a row (null allowed). */
    public record Column<T>(String type, Function<T, Object> value) {
    }

    private ArrayInsert() {
    }

    /** Consecutive views of at most {@code size} elements: bounds the rows of a statement or the values of an IN list. */
    public static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    /**
     * Runs {@code sql} once per chunk: first the {@code fixed} parameters (the same for every row), then one array
     * parameter per column, in order.
     */
    public static <T> void insert(EntityManager entities, String sql, List<?> fixed, List<Column<T>> columns, List<T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (List<T> chunk : chunks(rows, CHUNK)) {
                    int parameter = 1;
                    for (Object value : fixed) {
                        statement.setObject(parameter++, value);
                    }
                    for (Column<T> column : columns) {
                        statement.setArray(parameter++, connection.createArrayOf(column.type(), chunk.stream().map(column.value()).toArray()));
                    }
                    statement.executeUpdate();
                }
            }
        });
    }
}

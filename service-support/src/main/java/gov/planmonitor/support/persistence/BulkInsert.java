package gov.planmonitor.support.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Inserts many rows for bulk imports with PostgreSQL's COPY FROM STDIN, the fastest way in: no SQL is parsed per row
 * and the rows stream in {@value #CHUNK} at a time. Row by row through Hibernate, an identity key costs a round trip
 * per row (no JDBC batching); unnest of column arrays first escapes every value into an array literal, which made
 * JSON-heavy rows (the audit trail) the slowest part of an import. It runs on the transaction's own connection, so it
 * commits or rolls back with the rest of the import, and the table's checks, foreign keys and triggers apply as to any
 * insert.
 */
public final class BulkInsert {

    public static final int CHUNK = 5_000;

    /** A column: its name and its value in a row (null allowed; text, numbers, booleans and timestamps). */
    public record Column<T>(String name, Function<T, Object> value) {
    }

    private BulkInsert() {
    }

    /** Consecutive views of at most {@code size} elements: bounds the rows sent at once or the values of an IN list. */
    public static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    /** Copies {@code rows} into {@code table}, one value per column. */
    public static <T> void copy(EntityManager entities, String table, List<Column<T>> columns, List<T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "COPY " + table + " (" + String.join(", ", columns.stream().map(Column::name).toList()) + ") FROM STDIN";
        entities.unwrap(Session.class).doWork(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                StringBuilder text = new StringBuilder(1 << 16);
                for (List<T> chunk : chunks(rows, CHUNK)) {
                    text.setLength(0);
                    for (T row : chunk) {
                        for (int c = 0; c < columns.size(); c++) {
                            if (c > 0) {
                                text.append('\t');
                            }
                            append(text, columns.get(c).value().apply(row));
                        }
                        text.append('\n');
                    }
                    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    /** A value in COPY's text format: \N for null; backslash, tab, newline and carriage return escaped. */
    static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Boolean b) {
            text.append(b ? 't' : 'f');
        } else if (value instanceof BigDecimal d) {
            text.append(d.toPlainString());
        } else if (value instanceof Number || value instanceof OffsetDateTime) {
            text.append(value);
        } else {
            String s = value.toString();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(ch);
                }
            }
        }
    }
}

package gov.planmonitor.support.tabular;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Watches a CSV file's records go by (RFC 4180 quoting) and stops one that has more fields or characters than an
 * import takes, before the parser has built it: a line of a million commas or one endless quoted field would
 * otherwise be held whole.
 */
final class BoundedCsvReader extends FilterReader {

    /** A record past a limit; {@link #row()} is its data row (0 for the header). */
    static final class Exceeded extends IOException {
        private final int row;

        Exceeded(int row, String message) {
            super(message);
            this.row = row;
        }

        int row() {
            return row;
        }
    }

    private final int maxFields;
    private final int maxChars;
    private boolean quoted;
    private int record;
    private int fields = 1;
    private int chars;

    BoundedCsvReader(Reader in, int maxFields, int maxChars) {
        super(in);
        this.maxFields = maxFields;
        this.maxChars = maxChars;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            see(buffer[offset + i]);
        }
        return n;
    }

    private void see(char c) throws Exceeded {
        if (c == '"') {
            // An escaped quote ("") toggles twice: still inside.
            quoted = !quoted;
        } else if (!quoted && c == '\n') {
            record++;
            fields = 1;
            chars = 0;
            return;
        } else if (!quoted && c == ',' && ++fields > maxFields) {
            throw new Exceeded(record, (record == 0 ? "the header" : "the row") + " has more than " + maxFields
                    + " fields; this table has far fewer columns");
        }
        if (++chars > maxChars) {
            throw new Exceeded(record, (record == 0 ? "the header" : "the row") + " is longer than " + maxChars
                    + " characters (a field holds at most " + Tabular.MAX_FIELD_CHARS + "); is a quote left open?");
        }
    }
}

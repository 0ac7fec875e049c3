package gov.planmonitor.support.tabular;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The guard in front of the CSV parser: fields and characters counted per record, with RFC 4180 quoting. */
class BoundedCsvReaderTest {

    /** Reads the text through the guard, by single characters and by blocks, as a parser might. */
    private static String readAll(String text, int maxFields, int maxChars) throws IOException {
        StringBuilder read = new StringBuilder();
        try (Reader in = new BoundedCsvReader(new StringReader(text), maxFields, maxChars)) {
            int first = in.read();
            if (first < 0) {
                return "";
            }
            read.append((char) first);
            char[] block = new char[7];
            for (int n; (n = in.read(block, 0, block.length)) > 0; ) {
                read.append(block, 0, n);
            }
        }
        return read.toString();
    }

    private static BoundedCsvReader.Exceeded refused(String text, int maxFields, int maxChars) {
        return assertThrows(BoundedCsvReader.Exceeded.class, () -> readAll(text, maxFields, maxChars));
    }

    @Test
    void recordsWithinTheLimitsPassUnchanged() throws IOException {
        String csv = "code,year,note\r\nA,2017,\"x, \"\"y\"\"\"\r\n";
        assertEquals(csv, readAll(csv, 3, 100));
        assertEquals("", readAll("", 3, 100));
    }

    @Test
    void aRecordWithMoreFieldsIsStoppedNamingItsRow() {
        BoundedCsvReader.Exceeded header = refused("a,b,c,d\n", 3, 100);
        assertEquals(0, header.row());
        assertEquals("the header has more than 3 fields; this table has far fewer columns", header.getMessage());
        BoundedCsvReader.Exceeded row = refused("a,b,c\n1,2,3\n4,5,6,7\n", 3, 100);
        assertEquals(2, row.row());
        assertEquals("the row has more than 3 fields; this table has far fewer columns", row.getMessage());
    }

    @Test
    void commasAndLineBreaksInsideQuotesAreData() throws IOException {
        // one record of two fields, though it holds three commas and a line break
        assertEquals("\"a,b\nc,d\",e\n", readAll("\"a,b\nc,d\",e\n", 2, 100));
        // "" is an escaped quote: the field is still open after it, so the comma after "" is data
        assertEquals("\"say \"\"hi, there\"\"\",x\n", readAll("\"say \"\"hi, there\"\"\",x\n", 2, 100));
        // a line break inside quotes does not start a record: both lines count towards one record's characters
        // ("a␤b" quoted is 5 characters, then ",c" makes 7)
        BoundedCsvReader.Exceeded quoted = refused("\"a\nb\",c\n", 5, 6);
        assertEquals(0, quoted.row());
    }

    @Test
    void aRecordLongerThanTheLimitIsStopped() throws IOException {
        // ten characters a record is the limit: each line break starts the count again
        assertEquals("0123456789\n0123456789\n", readAll("0123456789\n0123456789\n", 3, 10));
        BoundedCsvReader.Exceeded header = refused("01234567890\n", 3, 10);
        assertEquals(0, header.row());
        assertEquals("the header is longer than 10 characters (a field holds at most 32767); is a quote left open?", header.getMessage());
        // a quote left open swallows the rest of the file into one record: stopped at the limit, not held whole
        BoundedCsvReader.Exceeded open = refused("code\n\"A\n" + "B\n".repeat(600_000), 3, 1 << 20);
        assertEquals(1, open.row());
        assertEquals("the row is longer than 1048576 characters (a field holds at most 32767); is a quote left open?", open.getMessage());
    }
}

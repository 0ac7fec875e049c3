package gov.planmonitor.support.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * JSON bodies are UTF-8 (RFC 8259). A body in UTF-16 or UTF-32, by its declared charset or by its first bytes (a
 * byte-order mark, or a NUL among the first four bytes), is refused with a 400 Problem instead of being decoded anyway;
 * so is a body with bytes that are not well-formed UTF-8 (RFC 3629), checked as it streams past: Jackson reads an
 * overlong {@code C0 AF} as "/" and a CESU-8 surrogate as a lone surrogate, and takes some invalid bytes in a field
 * name for the name without them.
 */
@Provider
public class Utf8Bodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json"))) {
            String charset = type.getParameters().get("charset");
            if (charset != null && !charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("UTF8")) {
                throw new BadRequestException("the body must be UTF-8 JSON; it is declared as " + charset);
            }
            PushbackInputStream in = new PushbackInputStream(context.getInputStream(), 4);
            byte[] head = new byte[4];
            int n = in.readNBytes(head, 0, 4);
            if (n > 0) {
                in.unread(head, 0, n);
            }
            if (notUtf8(head, n)) {
                throw new BadRequestException("the body must be UTF-8 JSON; it starts like UTF-16 or UTF-32");
            }
            context.setInputStream(new WellFormed(in));
        }
        return context.proceed();
    }

    private static boolean notUtf8(byte[] head, int n) {
        boolean bom16 = n >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE));
        boolean nul = false;
        for (int i = 0; i < n; i++) {
            nul |= head[i] == 0;
        }
        return bom16 || nul;
    }

    /** Passes the bytes through and refuses the body at the first one that breaks UTF-8 (RFC 3629, table 3-7 of Unicode). */
    static final class WellFormed extends FilterInputStream {
        private int pending;
        private int codePoint;
        private int smallest;
        private long offset;

        WellFormed(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                end();
            } else {
                check(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
            int n = in.read(buffer, from, length);
            if (n < 0) {
                end();
            }
            for (int i = 0; i < n; i++) {
                check(buffer[from + i] & 0xff);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Every byte is checked, so skipping reads.
            long skipped = 0;
            while (skipped < n && read() >= 0) {
                skipped++;
            }
            return skipped;
        }

        private void check(int b) {
            if (pending == 0) {
                if (b < 0x80) {
                    offset++;
                    return;
                }
                if (b >= 0xC2 && b <= 0xDF) {
                    start(1, b & 0x1F, 0x80);
                } else if (b >= 0xE0 && b <= 0xEF) {
                    start(2, b & 0x0F, 0x800);
                } else if (b >= 0xF0 && b <= 0xF4) {
                    start(3, b & 0x07, 0x10000);
                } else {
                    refuse(b);
                }
            } else {
                if ((b & 0xC0) != 0x80) {
                    refuse(b);
                }
                codePoint = codePoint << 6 | b & 0x3F;
                if (--pending == 0 && (codePoint < smallest || codePoint > 0x10FFFF || codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                    refuse(b);
                }
            }
            offset++;
        }

        private void start(int continuation, int bits, int min) {
            pending = continuation;
            codePoint = bits;
            smallest = min;
        }

        private void end() {
            if (pending > 0) {
                throw new BadRequestException("the body must be UTF-8 JSON; it ends inside a multi-byte character");
            }
        }

        private void refuse(int b) {
            throw new BadRequestException(String.format("the body must be UTF-8 JSON; byte 0x%02X at offset %d is not well-formed UTF-8", b, offset));
        }
    }
}

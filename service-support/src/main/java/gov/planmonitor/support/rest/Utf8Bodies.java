package gov.planmonitor.support.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.io.PushbackInputStream;

/**
 * JSON bodies are UTF-8 (RFC 8259). A body in UTF-16 or UTF-32, by its declared charset or by its first bytes (a
 * byte-order mark, or a NUL among the first four bytes), is refused with a 400 Problem instead of being decoded anyway.
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
            context.setInputStream(in);
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
}

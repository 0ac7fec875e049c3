package gov.planmonitor.indicator.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who makes the request. Until authentication arrives this is the X-User header (default "anonymous"; UTF-8 names
 * percent-encoded);
 * every write records it, so the audit trail will only change its source, not its shape.
 */
@RequestScoped
public class Caller {

    public static final String HEADER = "X-User";

    @Inject
    HttpServerRequest request;

    public String name() {
        String user = request.getHeader(HEADER);
        if (user == null || user.isBlank()) {
            return "anonymous";
        }
        // Headers are ISO-8859-1: a Chinese name (区发改局) travels percent-encoded as UTF-8.
        try {
            user = java.net.URLDecoder.decode(user.trim().replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            user = user.trim();
        }
        return user.length() > 100 ? user.substring(0, 100) : user;
    }
}

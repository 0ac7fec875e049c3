package gov.planmonitor.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;

/** Problem JSON for the answers given below JAX-RS (Vert.x handlers: tokens, body size, the request line). */
public final class RoutingProblems {

    private RoutingProblems() {
    }

    public static void answer(RoutingContext context, ObjectMapper json, int status, String slug, String title, String detail) {
        Problem problem = new Problem(Problem.BASE + slug, title, status, detail, safePath(context), null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        var response = context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (status == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(body);
    }

    /** The path as sent, when it cannot be decoded (a malformed escape) rather than an exception. */
    private static String safePath(RoutingContext context) {
        try {
            return context.normalizedPath();
        } catch (RuntimeException e) {
            String raw = context.request().path();
            return raw == null ? null : raw.replace("\0", "");
        }
    }
}

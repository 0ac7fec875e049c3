package gov.planmonitor.support.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.support.problem.RoutingProblems;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Refuses a path or query holding the NUL character ({@code %00}), which no code, name or filter can contain and
 * PostgreSQL cannot store in text, and a malformed percent-escape ({@code %}, {@code %zz}), which cannot be decoded,
 * with a 400 Problem before anything decodes it. Quarkus's own check of the request line answers an empty 400 before
 * any handler runs, so the services start with {@code -Dvertx.disableURIValidation=true} and this check takes its
 * place (the same {@link URI} test, answered with a Problem).
 */
@ApplicationScoped
public class RequestLineCheck {

    private static final Pattern NUL = Pattern.compile("%00|\u0000");
    /** A percent sign not followed by two hexadecimal digits. */
    private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private final ObjectMapper json;

    public RequestLineCheck(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
    }

    private static boolean isUri(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        String problem = uri == null ? null : problem(uri);
        if (problem == null) {
            context.next();
        } else {
            RoutingProblems.answer(context, json, 400, "bad-request-line", "Malformed request line", problem);
        }
    }

    /** What is wrong with the request line, or null. One URI parse per request; the escape check only once it failed. */
    private static String problem(String uri) {
        if (NUL.matcher(uri).find()) {
            return "the path or query holds the NUL character (%00), which no code, name or filter can contain";
        }
        if (isUri(uri)) {
            return null;
        }
        return MALFORMED_ESCAPE.matcher(uri).find()
                ? "the path or query holds a percent sign not followed by two hexadecimal digits; write a literal % as %25"
                : "the path or query holds a character that must be percent-encoded (a space, a quote, a brace, a backslash, a bar or a control character)";
    }
}

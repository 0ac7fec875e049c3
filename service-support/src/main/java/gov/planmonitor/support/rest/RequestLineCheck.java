package gov.planmonitor.support.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.support.problem.RoutingProblems;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.regex.Pattern;

/**
 * Refuses a path or query holding the NUL character ({@code %00}), which no code, name or filter can contain and
 * PostgreSQL cannot store in text, with a 400 Problem before anything decodes it. (A malformed percent-escape never
 * gets this far: the HTTP server answers it with a bare 400 itself.)
 */
@ApplicationScoped
public class RequestLineCheck {

    private static final Pattern NUL = Pattern.compile("%00|\u0000");

    private final ObjectMapper json;

    public RequestLineCheck(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri != null && NUL.matcher(uri).find()) {
            RoutingProblems.answer(context, json, 400, "bad-request-line", "Malformed request line",
                    "the path or query holds the NUL character (%00), which no code, name or filter can contain");
        } else {
            context.next();
        }
    }
}

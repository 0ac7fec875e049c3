package gov.planmonitor.support.rest;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every answer carries {@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: no-referrer}; under /api/ also
 * a Content-Security-Policy that lets an HTML report render (inline style, inline SVG, a data: icon) and nothing else:
 * no script, no fetch, no frame, no form, no framing by other sites. /q/ (Swagger UI) keeps its scripts. Set by a route
 * without a path, on the raw path: Quarkus's header and filter settings route by path, which decodes it first and fails
 * on a malformed escape before RequestLineCheck can answer it with a Problem.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::apply);
    }

    private void apply(RoutingContext context) {
        var headers = context.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        String path = context.request().path();
        if (path != null && path.startsWith("/api/")) {
            headers.set("Content-Security-Policy", POLICY);
        }
        context.next();
    }
}

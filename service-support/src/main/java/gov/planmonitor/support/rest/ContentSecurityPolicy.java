package gov.planmonitor.support.rest;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every answer under /api/ carries a Content-Security-Policy that lets an HTML report render (inline style, inline SVG,
 * a data: icon) and nothing else: no script, no fetch, no frame, no form, no framing by other sites. /q/ (Swagger UI)
 * keeps its scripts. Set by a route without a path, on the raw path: a path-matching filter decodes the path first and
 * fails on a malformed escape before RequestLineCheck can answer it with a Problem.
 */
@ApplicationScoped
public class ContentSecurityPolicy {

    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::apply);
    }

    private void apply(RoutingContext context) {
        if (context.request().path() != null && context.request().path().startsWith("/api/")) {
            context.response().putHeader("Content-Security-Policy", POLICY);
        }
        context.next();
    }
}

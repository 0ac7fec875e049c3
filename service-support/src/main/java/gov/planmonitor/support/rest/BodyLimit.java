package gov.planmonitor.support.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.support.problem.RoutingProblems;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bodies larger than {@code planmonitor.limits.max-body-size} are refused with a 413 Problem. The body is read and
 * dropped first (never buffered), because most clients send the whole body before they read the answer; beyond
 * {@code quarkus.http.limits.max-body-size} (set a little higher) Quarkus itself answers 413 and closes the connection.
 */
@ApplicationScoped
public class BodyLimit {

    private final ObjectMapper json;
    private final long maxBytes;

    public BodyLimit(ObjectMapper json, @ConfigProperty(name = "planmonitor.limits.max-body-size", defaultValue = "10M") MemorySize max) {
        this.json = json;
        this.maxBytes = max.asLongValue();
    }

    public long maxBytes() {
        return maxBytes;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String header = context.request().getHeader("Content-Length");
        long length;
        try {
            length = header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= maxBytes) {
            context.next();
            return;
        }
        String detail = "the body has " + length + " bytes; this service accepts at most " + maxBytes
                + " (split an import into several files)";
        context.request().handler(ignored -> {
        });
        context.request().endHandler(ignored -> {
            context.response().putHeader("Connection", "close");
            RoutingProblems.answer(context, json, 413, "too-large", "Content too large", detail);
        });
        context.request().resume();
    }
}

package gov.planmonitor.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.support.problem.RoutingProblems;
import gov.planmonitor.support.problem.ServiceException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Tokens are checked before a request reaches the API (proactive authentication), so a refused token never gets to
 * the JAX-RS exception mappers: this failure handler answers it with the same Problem JSON they write, and the
 * {@code WWW-Authenticate: Bearer} challenge.
 */
@ApplicationScoped
public class AuthenticationProblems {

    private final ObjectMapper json;

    public AuthenticationProblems(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        if (failure instanceof AuthenticationFailedException) {
            answer(context, 401, "unauthenticated", "Authentication required", ServiceException.Unauthenticated.INVALID_TOKEN);
        } else if (failure instanceof UnauthorizedException) {
            answer(context, 401, "unauthenticated", "Authentication required", "this request needs a bearer token (Authorization: Bearer <JWT>)");
        } else if (failure instanceof ForbiddenException) {
            answer(context, 403, "forbidden", "Not allowed", "your token's roles do not allow this request");
        } else {
            context.next();
        }
    }

    private void answer(RoutingContext context, int status, String slug, String title, String detail) {
        RoutingProblems.answer(context, json, status, slug, title, detail);
    }
}

package gov.planmonitor.support.security;

import gov.planmonitor.support.problem.ServiceException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Published data is open to anyone by default (政务公开); with {@code planmonitor.security.reads-need-token=true}
 * (READS_NEED_TOKEN) every API request needs a valid token, reads included. The contract (/q/openapi) stays open.
 */
public class ReadsNeedToken {

    private final boolean required;
    private final Caller caller;

    public ReadsNeedToken(@ConfigProperty(name = "planmonitor.security.reads-need-token", defaultValue = "false") boolean required, Caller caller) {
        this.required = required;
        this.caller = caller;
    }

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        if (required && request.getUriInfo().getPath().startsWith("/api/") && caller.anonymous()) {
            throw new ServiceException.Unauthenticated("this service is configured so that reads need a bearer token too");
        }
    }
}

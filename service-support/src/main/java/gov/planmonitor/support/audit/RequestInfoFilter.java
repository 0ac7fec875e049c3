package gov.planmonitor.support.audit;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.regex.Pattern;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is sane, else a new UUID), echoes it in the
 * response so a caller can quote it, puts it in the logs, and notes the operationId the audit trail records.
 */
public class RequestInfoFilter {

    /** Where logs find the request id. */
    public static final String REQUEST_ID_LOG_KEY = "requestId";

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final RequestInfo info;

    public RequestInfoFilter(RequestInfo info) {
        this.info = info;
    }

    @ServerRequestFilter
    public void identify(ContainerRequestContext request, ResourceInfo resource) {
        String given = request.getHeaderString(RequestInfo.REQUEST_ID_HEADER);
        String id = given != null && SANE_ID.matcher(given).matches() ? given : null;
        Operation operation = resource == null || resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Operation.class);
        info.set(id, operation == null ? null : operation.operationId(), request.getMethod(), "/" + request.getUriInfo().getPath().replaceFirst("^/", ""));
        // Every log line of the request names it (the console format and the JSON logs print the MDC).
        MDC.put(REQUEST_ID_LOG_KEY, info.requestId());
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        response.getHeaders().putSingle(RequestInfo.REQUEST_ID_HEADER, info.requestId());
    }
}

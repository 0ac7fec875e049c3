package gov.planmonitor.support.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Authorization for calls to the other services of the suite: inside a request, the caller's own bearer token goes
 * along (the other service sees who asks, and applies its own rules); outside any request (report-service's worker)
 * the service's own identity ({@link ServiceIdentity}) is used when the service has one.
 */
@ApplicationScoped
public class ForwardedAuthorization implements ClientHeadersFactory {

    private final Instance<ServiceIdentity> identity;

    public ForwardedAuthorization(Instance<ServiceIdentity> identity) {
        this.identity = identity;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        String callers = incoming == null ? null : incoming.getFirst("Authorization");
        if (callers != null && !callers.isBlank()) {
            headers.putSingle("Authorization", callers);
        } else if (identity.isResolvable()) {
            headers.putSingle("Authorization", "Bearer " + identity.get().token());
        }
        return headers;
    }
}

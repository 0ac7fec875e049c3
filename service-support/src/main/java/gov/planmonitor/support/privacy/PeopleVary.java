package gov.planmonitor.support.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.support.cache.ReadCacheFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.util.Arrays;

/**
 * An answer whose people depend on the caller ({@link People#visible()} was asked while it was made) says so to caches
 * ({@code Vary: Authorization}), and the anonymous form gets an ETag of its own: a hash of its bytes instead of the
 * resource's version, which names the form with people. So a client (or a proxy) holding one form never has it confirmed
 * by a 304 for a caller who gets the other, and a department changing on the resource (what the anonymous form shows)
 * changes the anonymous ETag too.
 *
 * <p>Runs before {@link ReadCacheFilter} on the way out (response filters run in descending priority), so the cache
 * keeps the answer with these headers.
 */
@Provider
@Priority(Priorities.USER + 200)
public class PeopleVary implements ContainerResponseFilter {

    private static final String AUTHORIZATION = "Authorization";

    private final People people;
    private final ObjectMapper mapper;

    public PeopleVary(People people, ObjectMapper mapper) {
        this.people = people;
        this.mapper = mapper;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (!people.varies()) {
            return;
        }
        String vary = response.getHeaderString(HttpHeaders.VARY);
        if (vary == null || vary.isBlank()) {
            response.getHeaders().putSingle(HttpHeaders.VARY, AUTHORIZATION);
        } else if (Arrays.stream(vary.split(",")).map(String::trim).noneMatch(AUTHORIZATION::equalsIgnoreCase)) {
            response.getHeaders().putSingle(HttpHeaders.VARY, vary + ", " + AUTHORIZATION);
        }
        if (!people.visibleToCaller() && response.getHeaderString(HttpHeaders.ETAG) != null && response.getEntity() != null) {
            byte[] body = response.getEntity() instanceof byte[] bytes ? bytes : mapper.writeValueAsBytes(response.getEntity());
            MediaType type = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
            response.setEntity(body, response.getEntityAnnotations(), type);
            response.getHeaders().putSingle(HttpHeaders.ETAG, ReadCacheFilter.contentTag(body));
        }
    }
}

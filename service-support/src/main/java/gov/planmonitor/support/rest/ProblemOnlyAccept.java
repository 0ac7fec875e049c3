package gov.planmonitor.support.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Arrays;

/**
 * A client generated from the contract may send {@code Accept: application/problem+json} and nothing else:
 * openapi-generator's Java client builds its Accept header from the media types an operation declares, and where the
 * first one listed is an error's it may name only that. Such a request is answered, not refused with 406: an Accept
 * naming only the Problem type is read as "a Problem if it fails, whatever the operation answers if it succeeds".
 */
public class ProblemOnlyAccept {

    static final String PROBLEM_JSON = "application/problem+json";

    @ServerRequestFilter(preMatching = true)
    public void widen(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && namesOnlyProblems(accept)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", */*;q=0.1");
        }
    }

    static boolean namesOnlyProblems(String accept) {
        return !accept.isBlank() && Arrays.stream(accept.split(","))
                .map(part -> part.split(";", 2)[0].trim())
                .allMatch(PROBLEM_JSON::equalsIgnoreCase);
    }
}

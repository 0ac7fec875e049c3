package gov.planmonitor.support.rest;

import gov.planmonitor.support.problem.ServiceException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query parameter the contract enumerates is read exactly as the contract lists it: present means one of the
 * listed values, byte for byte. An empty value ({@code ?status=}), a padded one ({@code status=PENDING%20}) or another
 * case ({@code format=JSON}) is a 400 naming the parameter and its values, never read as "absent" or guessed at.
 * The values come from the same annotation that writes the contract, so the two cannot drift.
 */
public class QueryEnums {

    private static final Map<Method, Map<String, List<String>>> ENUMERATED = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Map<String, List<String>> enumerated = ENUMERATED.computeIfAbsent(method, QueryEnums::enumerated);
        if (enumerated.isEmpty()) {
            return;
        }
        var given = request.getUriInfo().getQueryParameters(true);
        enumerated.forEach((name, allowed) -> {
            List<String> values = given.get(name);
            if (values == null) {
                return;
            }
            for (String value : values) {
                if (!allowed.contains(value)) {
                    throw new ServiceException.BadQuery(name, name + " must be one of " + String.join(", ", allowed)
                            + " (exactly, in this case)" + (value.isEmpty() ? "; leave the parameter out to mean any" : "; got '" + value + "'"));
                }
            }
        });
    }

    /** The query parameters of a resource method whose contract schema lists its values. */
    static Map<String, List<String>> enumerated(Method method) {
        Map<String, List<String>> enumerated = new LinkedHashMap<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (Annotation[] parameter : annotations) {
            String name = null;
            List<String> values = null;
            for (Annotation a : parameter) {
                if (a instanceof QueryParam q) {
                    name = q.value();
                } else if (a instanceof Parameter p && p.schema().enumeration().length > 0) {
                    values = List.of(p.schema().enumeration());
                }
            }
            if (name != null && values != null) {
                enumerated.put(name, values);
            }
        }
        return Map.copyOf(enumerated);
    }
}

package gov.planmonitor.testsupport;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Requests that name no caller are sent as an admin, so tests of other behaviour need not repeat a token; tests of
 * who may do what send their own {@code Authorization}, or {@link Tokens#ANONYMOUS} for none at all.
 */
public class DefaultTokenFilter implements Filter {

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        String given = request.getHeaders().getValue("Authorization");
        if (given == null) {
            request.header("Authorization", Tokens.bearer(Tokens.admin()));
        } else if (given.equals(Tokens.ANONYMOUS)) {
            request.removeHeader("Authorization");
        }
        return context.next(request, response);
    }
}

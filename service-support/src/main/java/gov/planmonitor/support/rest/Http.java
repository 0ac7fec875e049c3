package gov.planmonitor.support.rest;

import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.paging.Versions;
import gov.planmonitor.support.problem.ServiceException;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Small helpers shared by the resources: ETag responses and query parsing. */
public final class Http {

    private Http() {
    }

    public static Response ok(Versioned<?> versioned) {
        return Response.ok(versioned.body()).header("ETag", Versions.etag(versioned.version())).build();
    }

    public static Response created(URI location, Versioned<?> versioned) {
        return Response.created(location).entity(versioned.body()).header("ETag", Versions.etag(versioned.version())).build();
    }

    /** What a list's updatedSince parameter means, said once for every list. */
    public static final String UPDATED_SINCE = "Only the items changed (created or updated) at or after this time, ISO-8601 with offset:"
            + " to poll for what changed since the last sync. It compares each item's own updatedAt, stamped when its write began;"
            + " a write still committing then may carry an earlier stamp, so poll from a minute or so before your last sync, or use"
            + " GET /api/v1/changes, which gives every change exactly once";

    /** A list's updatedSince: null when absent, 400 when malformed. */
    public static OffsetDateTime updatedSince(String value) {
        return time("updatedSince", value);
    }

    public static OffsetDateTime asOf(String value) {
        return time("asOf", value);
    }

    /** A query parameter holding an ISO-8601 timestamp with offset; null when absent, 400 when malformed. */
    public static OffsetDateTime time(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new ServiceException.BadQuery(parameter, parameter + " must be an ISO-8601 timestamp with offset, e.g. 2018-02-08T00:00:00Z");
        }
    }

}

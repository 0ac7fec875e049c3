package gov.planmonitor.support.write;

import gov.planmonitor.support.paging.Versions;
import gov.planmonitor.support.problem.ServiceException;

/**
 * A write's If-Match precondition (RFC 9110, 13.1.1), made by the resource from the header (null or blank: none sent)
 * and checked by the service against the version it loaded. It compares strongly: a weak W/ tag never matches, since a
 * write must rest on exactly the representation it was read from.
 */
public record IfMatch(String header) {

    /** No precondition sent (a create, or a write whose If-Match is optional and absent). */
    public static final IfMatch NONE = new IfMatch(null);

    public static IfMatch of(String header) {
        return new IfMatch(header);
    }

    public boolean sent() {
        return header != null && !header.isBlank();
    }

    /** Required: 428 without it, 412 when it names another version. */
    public void require(long currentVersion) {
        if (!sent()) {
            throw new ServiceException.PreconditionRequired();
        }
        String current = Versions.etag(currentVersion);
        if (!Versions.matchesStrongly(header, current)) {
            throw new ServiceException.PreconditionFailed(current);
        }
    }

    /** Optional (a delete, or a write whose contract had no If-Match): checked only when sent. */
    public void checkIfSent(long currentVersion) {
        if (sent()) {
            require(currentVersion);
        }
    }

    /**
     * The precondition of a PUT that creates or replaces by key: required to replace what exists ({@code currentVersion}),
     * and sent for something that does not exist (deleted since it was read) it fails (412) rather than bring it back;
     * without it a PUT creates.
     */
    public void checkCreateOrReplace(Long currentVersion, String what) {
        if (currentVersion != null) {
            require(currentVersion);
        } else if (sent()) {
            throw ServiceException.PreconditionFailed.lostRace(what + " (deleted since it was read)");
        }
    }
}

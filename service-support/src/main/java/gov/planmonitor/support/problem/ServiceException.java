package gov.planmonitor.support.problem;

import java.util.List;

/** A failure the caller can fix; each subclass becomes one kind of Problem response. */
public abstract class ServiceException extends RuntimeException {

    private final List<FieldError> errors;

    protected ServiceException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** 404: a resource named in the path does not exist. */
    public static class NotFound extends ServiceException {
        public NotFound(String detail) {
            super(detail, null);
        }
    }

    /** 409: the request conflicts with existing data (a duplicate code). */
    public static class Conflict extends ServiceException {
        public Conflict(String detail) {
            super(detail, null);
        }
    }

    /** 422: the request is well-formed but its content is not acceptable (unparseable target, unknown reference). */
    public static class Invalid extends ServiceException {
        public Invalid(String detail, List<FieldError> errors) {
            super(detail, errors);
        }

        public Invalid(String field, String message) {
            super(message, List.of(FieldError.of(field, message)));
        }
    }

    /** 400: a query parameter is malformed. */
    public static class BadQuery extends ServiceException {
        public BadQuery(String parameter, String message) {
            super(message, List.of(FieldError.of(parameter, message)));
        }
    }

    /** 428: an update came without If-Match. */
    public static class PreconditionRequired extends ServiceException {
        public PreconditionRequired() {
            super("This update needs an If-Match header carrying the ETag of your last read, so no update is lost.", null);
        }
    }

    /** 412: If-Match does not match the current version. */
    public static class PreconditionFailed extends ServiceException {
        public PreconditionFailed(String currentEtag) {
            super("The resource changed since you read it (current ETag " + currentEtag + "); read it again and reapply your change.", null);
        }

        private PreconditionFailed(String detail, boolean verbatim) {
            super(detail, null);
        }

        /** Two writers passed their checks at once and the database kept the first: the second reads again. */
        public static PreconditionFailed lostRace(String what) {
            return new PreconditionFailed("another write of " + what + " was saved first; read it again and reapply your change", true);
        }
    }

    /** 422 for an import: every row error, nothing written. */
    public static class ImportRejected extends ServiceException {
        public ImportRejected(List<FieldError> errors) {
            super(errors.size() + " row error(s); nothing was imported.", errors);
        }
    }

    /** 401: the operation needs a valid bearer token and the request has none. */
    public static class Unauthenticated extends ServiceException {
        /** Why a token was refused; deliberately one text, so a caller cannot probe which check failed. */
        public static final String INVALID_TOKEN =
                "the bearer token is not valid: expired, unsigned, signed with an unknown key, or for another issuer or audience";

        public Unauthenticated(String detail) {
            super(detail, null);
        }
    }

    /** 403: the token is valid but does not allow this operation on this resource; the detail says why. */
    public static class Forbidden extends ServiceException {
        public Forbidden(String detail) {
            super(detail, null);
        }
    }

    /** 413: a body or file is larger than the service accepts. */
    public static class TooLarge extends ServiceException {
        public TooLarge(String detail) {
            super(detail, null);
        }
    }

    /** 429: this caller has used its share for now (a rate limit, a quota); it may try again after {@link #retryAfterSeconds()}. */
    public static class TooManyRequests extends ServiceException {
        private final int retryAfterSeconds;

        public TooManyRequests(String detail, int retryAfterSeconds) {
            super(detail, null);
            this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** 503: a service this one depends on did not answer; the request can be retried later. */
    public static class Unavailable extends ServiceException {
        public Unavailable(String detail) {
            super(detail, null);
        }
    }
}

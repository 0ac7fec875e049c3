package gov.planmonitor.support.security;

/** A service's own bearer token, for calls it makes on its own behalf rather than for a caller. */
public interface ServiceIdentity {

    /** A valid token (a cached one while it has time left). */
    String token();
}

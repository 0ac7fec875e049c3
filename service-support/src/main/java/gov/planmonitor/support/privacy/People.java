package gov.planmonitor.support.privacy;

import gov.planmonitor.support.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether an answer may name the people who wrote its data (a value's {@code recordedBy}, a status change's or progress
 * update's {@code author}, a report's {@code createdBy}: the token's name and subject, e.g. "王芳 (u-1024)").
 *
 * <p>Reads are open to anyone by default (政务公开), but who did the work is personal data: with
 * {@value #PROPERTY}{@code =authenticated} (PEOPLE_VISIBLE_TO, the default) only callers with a valid token see the
 * people, and a reader without one sees who is answerable instead (the responsible department, or the role that writes
 * such records; each field's description says which). {@code everyone} shows people to anonymous readers too, as before.
 * The audit trail and the change feed keep everything (they need a token anyway).
 *
 * <p>An answer that asked {@link #visible()} differs between callers: {@link PeopleVary} marks it
 * {@code Vary: Authorization} and gives an anonymous one an ETag of its own, and the read cache keeps one answer per
 * {@link #audience()}.
 */
@RequestScoped
public class People {

    public static final String PROPERTY = "planmonitor.privacy.people-visible-to";

    /** Who sees people's names and ids in answers. */
    public enum VisibleTo { AUTHENTICATED, EVERYONE }

    @Inject
    Caller caller;

    /** authenticated or everyone; any other value stops the service at start. */
    @ConfigProperty(name = PROPERTY, defaultValue = "authenticated")
    VisibleTo visibleTo;

    private boolean asked;

    /**
     * Whether this answer may name people; false for a caller without a token unless people are visible to everyone.
     * Ask it while making any answer that has people in it (even one with none today, an empty list): the answer is
     * then marked as one that depends on the caller.
     */
    public boolean visible() {
        asked = true;
        return visibleToCaller();
    }

    boolean visibleToCaller() {
        return visibleTo == VisibleTo.EVERYONE || !caller.anonymous();
    }

    /** Whether this request's answer asked {@link #visible()} and so differs between callers. */
    boolean varies() {
        return asked && visibleTo != VisibleTo.EVERYONE;
    }

    /**
     * Which of the answers this caller gets, for a cache's key: "people" when people are visible to it, "public"
     * otherwise. Asking it does not mark the answer.
     */
    public String audience() {
        return visibleToCaller() ? "people" : "public";
    }
}

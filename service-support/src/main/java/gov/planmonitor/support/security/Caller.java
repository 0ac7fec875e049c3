package gov.planmonitor.support.security;

import gov.planmonitor.support.problem.ServiceException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who makes the request, from the verified bearer token: subject, name, roles and departments. The service layer asks
 * it whether the caller may do what it asks ({@link #require}, {@link #requireDepartment}), so a missing annotation
 * cannot open a write; every write records {@link #name()}.
 */
@RequestScoped
public class Caller {

    /** Token claim naming the departments a {@code department} token speaks for, e.g. {@code ["DRC"]}. */
    public static final String DEPARTMENTS_CLAIM = "departments";

    @Inject
    SecurityIdentity identity;

    public boolean anonymous() {
        return identity.isAnonymous();
    }

    /** The token's subject ({@code sub}), the stable id of a person or system; "anonymous" without a token. */
    public String subject() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return principal.getName();
    }

    /** The person's display name ({@code name}, else {@code preferred_username}), or the subject. */
    public String displayName() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object name = jwt.getClaim("name");
            if (name == null) {
                name = jwt.getClaim("preferred_username");
            }
            if (name != null && !name.toString().isBlank()) {
                return name.toString();
            }
        }
        return subject();
    }

    /** What a write records as its author: name and subject, e.g. "王芳 (u-1024)", at most 100 characters. */
    public String name() {
        String subject = subject();
        String display = displayName();
        String recorded = display.equals(subject) ? subject : display + " (" + subject + ")";
        return recorded.length() > 100 ? recorded.substring(0, 100) : recorded;
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    /** The department codes a {@code department} token names (claim {@value #DEPARTMENTS_CLAIM}). */
    public Set<String> departments() {
        Set<String> codes = new TreeSet<>();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(DEPARTMENTS_CLAIM);
            if (claim instanceof Collection<?> values) {
                values.forEach(v -> codes.add(unquote(v.toString())));
            } else if (claim != null) {
                for (String code : unquote(claim.toString()).split("[,\\s]+")) {
                    if (!code.isBlank()) {
                        codes.add(code);
                    }
                }
            }
        }
        return codes;
    }

    private static String unquote(String value) {
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /**
     * Refuses unless the caller holds one of the roles (admin always may): 401 without a token, 403 with one.
     * {@code what} words the operation for the Problem, e.g. "changing a plan".
     */
    public void require(String what, String... roles) {
        if (signedInAsAdmin(what)) {
            return;
        }
        for (String role : roles) {
            if (has(role)) {
                return;
            }
        }
        throw new ServiceException.Forbidden(what + " needs the role " + String.join(" or ", List.of(roles)) + " (or admin); your token has "
                + (roles().isEmpty() ? "no role" : "the role(s) " + String.join(", ", roles())));
    }

    /**
     * Object-level check: admins, holders of one of {@code alsoAllowed}, and {@code department} tokens naming one of
     * the {@code owners} may go on; anyone else is refused with a Problem naming the owners.
     */
    public void requireDepartment(String what, Collection<String> owners, String... alsoAllowed) {
        if (signedInAsAdmin(what)) {
            return;
        }
        for (String role : alsoAllowed) {
            if (has(role)) {
                return;
            }
        }
        String ownersText = owners.isEmpty() ? "no department" : "departments " + owners.stream().sorted().collect(Collectors.joining(", "));
        if (!has(Roles.DEPARTMENT)) {
            throw new ServiceException.Forbidden(what + " is for the responsible department (" + ownersText + ")"
                    + (alsoAllowed.length == 0 ? "" : " or the role " + String.join(" or ", alsoAllowed)) + "; your token has "
                    + (roles().isEmpty() ? "no role" : "the role(s) " + String.join(", ", roles())));
        }
        Set<String> mine = departments();
        if (owners.stream().noneMatch(mine::contains)) {
            throw new ServiceException.Forbidden(what + " is for " + ownersText + "; your token speaks for "
                    + (mine.isEmpty() ? "no department" : String.join(", ", mine)));
        }
    }

    /** 401 without a token; whether the token is an admin's, who may do everything. */
    private boolean signedInAsAdmin(String what) {
        if (anonymous()) {
            throw new ServiceException.Unauthenticated(what + " needs a bearer token");
        }
        return has(Roles.ADMIN);
    }
}

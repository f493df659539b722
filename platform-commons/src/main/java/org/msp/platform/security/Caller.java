package org.msp.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.msp.platform.api.ProblemException;

import java.security.Principal;
import java.util.Optional;

/** Who is calling: the token's subject, roles and the partner country it acts for. */
@RequestScoped
public class Caller {
    public static final String PARTNER_GOVERNMENT = "partner-government";
    public static final String ESG_REVIEWER = "esg-reviewer";
    public static final String SECRETARIAT = "secretariat";
    public static final String CIVIL_SOCIETY = "civil-society";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The token subject, used as the actor in histories; the principal name when there is no subject. */
    public String subject() {
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return principal == null ? "anonymous" : principal.getName();
    }

    /** A readable name for the actor (preferred_username), for people reading histories. */
    public String displayName() {
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt && jwt.getClaim("preferred_username") != null) {
            return jwt.getClaim("preferred_username").toString();
        }
        return principal == null ? "anonymous" : principal.getName();
    }

    /** The {@code country} claim (ISO 3166-1 alpha-2 or EU), upper-cased. */
    public Optional<String> country() {
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim("country");
            if (claim != null && !claim.toString().isBlank()) {
                return Optional.of(claim.toString().replace("\"", "").trim().toUpperCase());
            }
        }
        return Optional.empty();
    }

    /** The caller's country; 403 when the token carries none (a partner or reviewer must have one). */
    public String requireCountry() {
        return country().orElseThrow(() -> new ForbiddenException("the token carries no country claim"));
    }

    /**
     * The partner the caller acts as: always its own country (SPEC §4). A request that names another
     * partner (in its {@code field}) is acting for that country and is refused with 403.
     */
    public String actingPartner(String field, String named) {
        String own = requireCountry();
        if (named != null && !named.isBlank() && !own.equals(named.strip().toUpperCase(java.util.Locale.ROOT))) {
            throw ProblemException.forbidden("a partner acts only for its own country: the token is for " + own
                    + ", the request names " + field + " " + named.strip());
        }
        return own;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }
}

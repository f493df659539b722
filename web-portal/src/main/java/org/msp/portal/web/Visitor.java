package org.msp.portal.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is looking at the page: anonymous, or a signed-in user with its realm roles and country. */
@RequestScoped
@Named("visitor")
public class Visitor {
    public static final String PARTNER_GOVERNMENT = "partner-government";
    public static final String ESG_REVIEWER = "esg-reviewer";
    public static final String SECRETARIAT = "secretariat";

    @Inject
    SecurityIdentity identity;

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    /** The name to greet, from the ID token ("United Kingdom Officer"), else the user name. */
    public String name() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String name = token.getClaim("name");
            if (name != null) {
                return name;
            }
            String user = token.getClaim("preferred_username");
            if (user != null) {
                return user;
            }
        }
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    /** The country a partner officer or reviewer acts for (the token's {@code country} claim), or null. */
    public String country() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object country = token.getClaim("country");
            return country == null ? null : country.toString();
        }
        return null;
    }

    public boolean isOfficer() {
        return identity.hasRole(PARTNER_GOVERNMENT);
    }

    public boolean isReviewer() {
        return identity.hasRole(ESG_REVIEWER);
    }

    public boolean isSecretariat() {
        return identity.hasRole(SECRETARIAT);
    }

    /** Whether this visitor is the officer of the partner that submitted a project. */
    public boolean acts(String partner) {
        return isOfficer() && partner != null && partner.equals(country());
    }
}

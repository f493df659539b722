package org.msp.portal.web;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Calls a service with the visitor's own access token (from the portal's log-in session), and with none
 * for an anonymous visitor: the services decide what each visitor may do; the portal holds no account
 * of its own. Hand-written because the token-propagation extension is not published at our Quarkus
 * version here, and public pages must call the services anonymously rather than fail.
 * The visitor's languages go along, so validation messages come back in the visitor's language.
 */
public class VisitorToken implements ClientRequestFilter {
    @Inject
    SecurityIdentity identity;
    @Inject
    Language language;

    @Override
    public void filter(ClientRequestContext request) {
        if (!identity.isAnonymous()) {
            AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
            if (token != null) {
                request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
            }
        }
        request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, language.locale().toLanguageTag());
    }
}

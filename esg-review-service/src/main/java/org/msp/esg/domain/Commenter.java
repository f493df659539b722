package org.msp.esg.domain;

import java.util.Objects;

/**
 * Someone commenting in a public consultation: its token subject (kept, never shown), the name it
 * publishes under, and the role it comments in (civil-society or partner-government).
 */
public record Commenter(String subject, String publicName, String role) {
    public Commenter {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(publicName, "publicName");
        Objects.requireNonNull(role, "role");
    }

    /**
     * The name a comment is published under: the account's user name, unless it is an e-mail address,
     * which is never published (a self-registered user may have chosen one as user name).
     */
    public static String publicNameOf(String userName) {
        if (userName == null || userName.isBlank() || userName.contains("@")) {
            return "registered user";
        }
        return userName.length() > 100 ? userName.substring(0, 100) : userName;
    }
}

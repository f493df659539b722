package org.msp.portal.web;

/** A part of the platform (a service, Keycloak) did not answer, or said it cannot serve now (503). */
public class PartUnavailable extends RuntimeException {
    private final String part;

    public PartUnavailable(String part, Throwable cause) {
        super(part + " is unavailable", cause);
        this.part = part;
    }

    public String part() {
        return part;
    }
}

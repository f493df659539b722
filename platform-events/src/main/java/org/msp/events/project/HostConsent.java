package org.msp.events.project;

/** What the host government's officer said about a project in its territory (SPEC §11). */
public enum HostConsent {
    CONSENTED, OBJECTED
}

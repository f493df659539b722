package org.msp.events.partner;

/** How much of a partnership is public, on the IEA/NRGI scale, from least to most. */
public enum DisclosureLevel {
    ANNOUNCEMENT_ONLY, TEXT_PUBLISHED, ROADMAP_PUBLISHED, IMPLEMENTATION_REPORTS_PUBLISHED
}

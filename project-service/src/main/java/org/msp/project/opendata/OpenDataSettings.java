package org.msp.project.opendata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** Who publishes the open data, under which licence and identifiers (SPEC §10). */
@ConfigMapping(prefix = "msp.open-data")
public interface OpenDataSettings {
    /** The publisher named in every export. */
    @WithName("publisher-name")
    String publisherName();

    /** The licence of every export (a URI), also sent as {@code Link: <…>; rel="license"}. */
    String licence();

    /** Where the publication policy is described. */
    @WithName("publication-policy")
    String publicationPolicy();

    /**
     * The registered OC4IDS project-identifier prefix ({@code oc4ids-} and six characters); each project's
     * OC4IDS id is this prefix, a hyphen and the platform's project id.
     */
    @WithName("oc4ids-prefix")
    String oc4idsPrefix();

    /** The IATI organisation identifier of the reporting organisation; each activity's identifier starts with it. */
    @WithName("iati-reporting-org")
    String iatiReportingOrg();

    /** The base of the absolute URLs the exports give (documents, the package itself). */
    @WithName("public-base-url")
    String publicBaseUrl();

    /** When the daily bulk archive is made (BulkArchives' schedule reads these two). */
    Bulk bulk();

    interface Bulk {
        /** A Quarkus cron expression in UTC, or {@code off}. */
        String cron();

        /** How long after a start to make today's archive if no instance has yet. */
        @WithName("first-check")
        String firstCheck();
    }
}

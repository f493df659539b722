package org.msp.esg.opendata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** Under which licence the review items are published, and where (SPEC §10). */
@ConfigMapping(prefix = "msp.open-data")
public interface OpenDataSettings {
    /** The licence of every export (a URI), also sent as {@code Link: <…>; rel="license"}. */
    String licence();

    /** The base of the absolute URLs the data package gives (a saved copy of it still says where the data is). */
    @WithName("public-base-url")
    String publicBaseUrl();
}

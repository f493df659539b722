package org.msp.partner.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The partnerships {@code V3__partnerships.sql} seeds get their first history entry when the service
 * starts, hashed by the code that hashes every later change (one definition of the chain, not a second
 * one in SQL). A database that is not there yet leaves them for the next start; reads still work, and
 * the chain check says the history has no entry yet.
 */
@ApplicationScoped
public class PartnershipSeeds {
    static final String CAUSE = "db/migration/V3__partnerships.sql";
    private static final Logger LOG = Logger.getLogger(PartnershipSeeds.class);

    private final PartnershipService partnerships;

    public PartnershipSeeds(PartnershipService partnerships) {
        this.partnerships = partnerships;
    }

    void onStart(@Observes StartupEvent start) {
        try {
            int recorded = partnerships.recordSeeded(CAUSE);
            if (recorded > 0) {
                LOG.infof("recorded the first history entry of %d seeded partnerships", recorded);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not record the seeded partnerships' history now; the next start will");
        }
    }
}

package org.msp.esg.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Publishes consultation-closed soon after a comment window ends (every
 * {@code msp.esg.consultation.close-check}), on every instance; {@link ConsultationService#closeEndedWindows}
 * makes sure each window is closed once. A completion closes its own window too, whichever comes first.
 */
@ApplicationScoped
public class ConsultationClosing {
    private static final Logger LOG = Logger.getLogger(ConsultationClosing.class);

    private final ConsultationService consultations;

    public ConsultationClosing(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @Scheduled(identity = "consultation-closing", every = "{msp.esg.consultation.close-check}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeEndedWindows() {
        try {
            int closed;
            do {
                closed = consultations.closeEndedWindows();
                if (closed > 0) {
                    LOG.infof("closed %d ended consultation window(s)", closed);
                }
            } while (closed == ConsultationService.CLOSING_BATCH);
        } catch (RuntimeException e) {
            // the next pass tries again; a database outage is reported by the readiness check, not here
            LOG.warnf("closing ended consultation windows failed, retrying at the next pass: %s", e.toString());
        }
    }
}

package org.msp.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.msp.partner.domain.Project;
import org.msp.partner.domain.StatusReport;

import java.util.UUID;

/**
 * Keeps partner-service's own picture of each project up to date from project events. Runs in the
 * consumer's inbox transaction, so an event's effect and its "seen" mark commit together.
 */
@ApplicationScoped
public class ProjectReadModel {

    /** The public facts a project event carries beside the status (any may be absent). */
    public record Facts(String title, String hostCountry, String submittingPartner) {
    }

    /**
     * Records what the event reports. An event for a project not yet known creates it, whatever
     * its type; returns null when applied, or why the report was skipped (stale or backwards).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String report(UUID projectId, StatusReport report, Facts facts, String eventId) {
        Project project = Project.findById(projectId, LockModeType.PESSIMISTIC_WRITE);
        if (project == null) {
            project = Project.firstReported(projectId, report, eventId, Clocks.now());
            project.describe(facts.title(), facts.hostCountry(), facts.submittingPartner());
            project.persist();
            return null;
        }
        StatusReport.Verdict verdict = project.report(report, eventId, Clocks.now());
        if (!verdict.apply()) {
            return verdict.reason();
        }
        project.describe(facts.title(), facts.hostCountry(), facts.submittingPartner());
        return null;
    }
}

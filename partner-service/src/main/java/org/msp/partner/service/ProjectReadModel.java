package org.msp.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.msp.events.EventData;
import org.msp.events.project.ActionPlanUpdated;
import org.msp.partner.domain.ActionPlan;
import org.msp.partner.domain.Project;
import org.msp.partner.domain.StatusReport;

import java.time.OffsetDateTime;

/**
 * Keeps partner-service's own picture of each project up to date from project events. Runs in the
 * consumer's inbox transaction, so an event's effect and its "seen" mark commit together.
 */
@ApplicationScoped
public class ProjectReadModel {

    /**
     * Records what the event reports: the status, and the project facts every event carries (title,
     * host country, submitting partner, minerals). An event for a project not yet known creates it,
     * whatever its type; returns null when applied, or why the report was skipped (stale or backwards).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String report(StatusReport report, EventData facts, String eventId) {
        Project project = Project.findById(facts.projectId(), LockModeType.PESSIMISTIC_WRITE);
        if (project == null) {
            project = Project.firstReported(facts.projectId(), report, eventId, Clocks.now());
            project.describe(facts);
            project.persist();
            return null;
        }
        StatusReport.Verdict verdict = project.report(report, eventId, Clocks.now());
        if (!verdict.apply()) {
            return verdict.reason();
        }
        project.describe(facts);
        return null;
    }

    /**
     * Replaces the project's action plan with the one the event carries (whole, as project-service sends
     * it). Kept whether or not a project event has named the project yet; returns null when taken, or why
     * the event was skipped (older than the copy held).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String replacePlan(ActionPlanUpdated plan, OffsetDateTime at, String eventId) {
        ActionPlan copy = ActionPlan.findById(plan.projectId(), LockModeType.PESSIMISTIC_WRITE);
        if (copy == null) {
            copy = ActionPlan.first(plan.projectId());
            copy.replace(plan.items(), at, eventId, Clocks.now());
            copy.persist();
            return null;
        }
        return copy.replace(plan.items(), at, eventId, Clocks.now());
    }
}

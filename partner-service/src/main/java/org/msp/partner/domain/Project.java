package org.msp.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.msp.events.EventData;
import org.msp.events.Mineral;
import org.msp.events.partner.PartnershipNamed;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What partner-service knows of a project, built only from project-service's events. The status
 * changes only through {@link #report}, which never lets a late event move the project backwards.
 */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {
    @Id
    public UUID id;
    public String title;
    @Enumerated(EnumType.STRING)
    ProjectStatus status;
    @Column(name = "host_country")
    public String hostCountry;
    @Column(name = "submitting_partner")
    public String submittingPartner;
    /** Stored as ",COBALT,COPPER," like project-service; null until an event has named them. */
    @Column(name = "minerals")
    String mineralsColumn;
    /** Time of the event that set the current status. */
    @Column(name = "status_at")
    OffsetDateTime statusAt;
    @Column(name = "last_event_id")
    public String lastEventId;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    /** The partnership the project is proposed under, as its submitting partner (or the secretariat) named it. */
    @Column(name = "partnership_id")
    public UUID partnershipId;

    /** A project first heard of through {@code report}, whichever event that was. */
    public static Project firstReported(UUID id, StatusReport report, String eventId, OffsetDateTime now) {
        Project project = new Project();
        project.id = id;
        project.status = report.to();
        project.statusAt = report.at() != null ? report.at() : now;
        project.lastEventId = eventId;
        project.updatedAt = now;
        return project;
    }

    /** Takes the reported status if it is news; returns why not otherwise. */
    public StatusReport.Verdict report(StatusReport report, String eventId, OffsetDateTime now) {
        StatusReport.Verdict verdict = report.judge(status, statusAt);
        if (verdict.apply()) {
            status = report.to();
            if (report.at() != null && report.at().isAfter(statusAt)) {
                statusAt = report.at();
            }
            lastEventId = eventId;
            updatedAt = now;
        }
        return verdict;
    }

    /** Takes the public facts of the project as the event states them (every project event carries them). */
    public void describe(EventData facts) {
        title = facts.title();
        hostCountry = facts.hostCountry();
        submittingPartner = facts.submittingPartner();
        mineralsColumn = facts.minerals().stream().map(Enum::name).collect(Collectors.joining(",", ",", ","));
    }

    /** Whether the project has left the pipeline (withdrawn or rejected): what it was proposed under is final. */
    public boolean leftThePipeline() {
        return status == ProjectStatus.WITHDRAWN || status == ProjectStatus.ESG_REJECTED;
    }

    /**
     * Names the partnership the project is proposed under ({@code null}: none any more); returns the event
     * that says so, with the project facts every event carries.
     */
    public PartnershipNamed namePartnership(Partnership partnership, String actor) {
        if (leftThePipeline()) {
            throw new IllegalStateException("project " + id + " is " + status);
        }
        partnershipId = partnership == null ? null : partnership.id;
        return new PartnershipNamed(id, title, hostCountry, submittingPartner, minerals(), partnershipId,
                partnership == null ? null : partnership.name, partnership == null ? null : partnership.kind, actor);
    }

    public ProjectStatus status() {
        return status;
    }

    public OffsetDateTime statusAt() {
        return statusAt;
    }

    /** The minerals the project names, in the order project-service gave them; empty while unknown. */
    public List<Mineral> minerals() {
        if (mineralsColumn == null) {
            return List.of();
        }
        return Arrays.stream(mineralsColumn.split(",")).filter(s -> !s.isEmpty()).map(Mineral::valueOf).toList();
    }
}

package org.msp.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

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
    /** Time of the event that set the current status. */
    @Column(name = "status_at")
    OffsetDateTime statusAt;
    @Column(name = "last_event_id")
    public String lastEventId;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

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

    /** Fills in the public facts every project event carries, when the event has them. */
    public void describe(String title, String hostCountry, String submittingPartner) {
        if (title != null) {
            this.title = title;
        }
        if (hostCountry != null) {
            this.hostCountry = hostCountry;
        }
        if (submittingPartner != null) {
            this.submittingPartner = submittingPartner;
        }
    }

    public ProjectStatus status() {
        return status;
    }

    public OffsetDateTime statusAt() {
        return statusAt;
    }
}

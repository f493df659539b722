package org.msp.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One step a partnership committed to: a title, a due date, where it stands and the evidence it was met. */
@Entity
@Table(name = "partnership_milestone")
public class Milestone extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "partnership_id")
    public UUID partnershipId;
    public String title;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    public MilestoneStatus status;
    @Column(name = "met_on")
    public LocalDate metOn;
    @Column(name = "evidence_url")
    public String evidenceUrl;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** What a milestone says: set in full by each add or update. */
    public record Terms(String title, LocalDate dueOn, MilestoneStatus status, LocalDate metOn, String evidenceUrl) {
    }

    public static Milestone add(UUID partnershipId, Terms terms, OffsetDateTime now) {
        Milestone milestone = new Milestone();
        milestone.id = UUID.randomUUID();
        milestone.partnershipId = partnershipId;
        milestone.createdAt = now;
        milestone.take(terms, now);
        return milestone;
    }

    public void take(Terms terms, OffsetDateTime now) {
        title = terms.title();
        dueOn = terms.dueOn();
        status = terms.status();
        metOn = terms.metOn();
        evidenceUrl = terms.evidenceUrl();
        updatedAt = now;
    }

    /** Met, with a met date on or before the due date. */
    public boolean metOnTime() {
        return status == MilestoneStatus.MET && metOn != null && dueOn != null && !metOn.isAfter(dueOn);
    }

    /** Past its due date and not met. */
    public boolean overdue(LocalDate today) {
        return dueOn != null && dueOn.isBefore(today) && status != MilestoneStatus.MET;
    }

    /**
     * Whether it counts in the share met on time: it has a due date, and it is either due by now or met
     * with a date. A milestone with no due date (or not due yet and not met) is neither on time nor late.
     */
    public boolean counts(LocalDate today) {
        return dueOn != null && (!dueOn.isAfter(today) || (status == MilestoneStatus.MET && metOn != null));
    }

    public static List<Milestone> of(UUID partnershipId) {
        return list("partnershipId = ?1 order by createdAt, id", partnershipId);
    }
}

package org.msp.project.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.msp.events.project.ActionItem;
import org.msp.events.project.ActionItemStatus;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One condition of a project's public action plan (SPEC §11): drawn from a completed review, planned by
 * the submitting partner (who answers for it, by when, which document shows it), and verified by a
 * reviewer of a third country. The {@link Proposal} decides who may do what; this only holds the item.
 */
@Entity
@Table(name = "action_item")
@IdClass(ActionPlanItem.Key.class)
public class ActionPlanItem extends PanacheEntityBase {
    @Id
    @Column(name = "project_id")
    public UUID projectId;
    @Id
    public String code;
    /** The condition's place in the review's checklist, so the plan reads in the same order. */
    public int position;
    public String title;
    public boolean critical;
    @Column(name = "responsible_party")
    public String responsibleParty;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    public ActionItemStatus status;
    @Column(name = "evidence_document_id")
    public UUID evidenceDocumentId;
    /** The country of the reviewer who last verified the item, their token subject, when and what they noted. */
    @Column(name = "verified_by")
    public String verifiedBy;
    @Column(name = "verified_by_actor")
    public String verifiedByActor;
    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;
    @Column(name = "verification_note")
    public String verificationNote;

    public static List<ActionPlanItem> planOf(UUID projectId) {
        return list("projectId = ?1 order by position", projectId);
    }

    public static ActionPlanItem find(UUID projectId, String code) {
        return findById(new Key(projectId, code));
    }

    /** Past its due date and not verified as met. */
    public boolean isOverdue(LocalDate today) {
        return status != ActionItemStatus.MET && dueDate.isBefore(today);
    }

    /** Whether it stands in the way of a disbursement tied to it. */
    public boolean blocksDisbursement() {
        return critical && status.unmet();
    }

    public ActionItem toEvent() {
        return new ActionItem(code, title, critical, responsibleParty, dueDate, status, evidenceDocumentId, verifiedBy);
    }

    public static class Key implements Serializable {
        public UUID projectId;
        public String code;

        public Key() {
        }

        public Key(UUID projectId, String code) {
            this.projectId = projectId;
            this.code = code;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(projectId, k.projectId) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, code);
        }
    }
}

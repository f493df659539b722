package org.msp.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.msp.events.partner.InterestExpressed;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A partner's current, indicative interest in financing a project; earlier versions live in the support history. */
@Entity
@Table(name = "partner_interest")
@IdClass(ProjectPartnerKey.class)
public class PartnerInterest extends PanacheEntityBase {
    @Id
    @Column(name = "project_id")
    public UUID projectId;
    @Id
    public String partner;
    @Enumerated(EnumType.STRING)
    public Instrument instrument;
    @Column(name = "indicative_amount_usd")
    public BigDecimal indicativeAmountUsd;
    public String note;
    @Column(name = "expressed_at")
    public OffsetDateTime expressedAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    public static PartnerInterest first(UUID projectId, String partner, OffsetDateTime now) {
        PartnerInterest interest = new PartnerInterest();
        interest.projectId = projectId;
        interest.partner = partner;
        interest.expressedAt = now;
        return interest;
    }

    /** Whether these terms differ from the current ones (a repeat of the same terms changes nothing). */
    public boolean differsFrom(Instrument instrument, BigDecimal amount, String note) {
        return this.instrument != instrument
                || this.indicativeAmountUsd == null || this.indicativeAmountUsd.compareTo(amount) != 0
                || !Objects.equals(this.note, note);
    }

    /**
     * Takes these terms as the partner's current interest in {@code project}; returns the event that
     * states them, with the project facts every event carries.
     */
    public InterestExpressed state(Project project, Instrument instrument, BigDecimal amount, String note,
            String actor, OffsetDateTime now) {
        this.instrument = instrument;
        this.indicativeAmountUsd = amount;
        this.note = note;
        this.updatedBy = actor;
        this.updatedAt = now;
        return new InterestExpressed(project.id, project.title, project.hostCountry, project.submittingPartner,
                project.minerals(), partner, org.msp.events.partner.Instrument.valueOf(instrument.name()),
                indicativeAmountUsd, note);
    }

    public static List<PartnerInterest> of(UUID projectId) {
        return list("projectId = ?1 order by partner", projectId);
    }

    public static PartnerInterest find(UUID projectId, String partner) {
        return findById(new ProjectPartnerKey(projectId, partner));
    }
}

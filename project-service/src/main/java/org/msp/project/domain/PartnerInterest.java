package org.msp.project.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** A partner's latest indicative financing for a project, as told by partner-service. */
@Entity
@Table(name = "partner_interest")
@IdClass(ProjectPartnerKey.class)
public class PartnerInterest extends PanacheEntityBase {
    @Id
    @Column(name = "project_id")
    public UUID projectId;
    @Id
    public String partner;
    public String instrument;
    @Column(name = "indicative_amount_usd")
    public BigDecimal indicativeAmountUsd;

    /** A partner's interest replaces its earlier one. */
    public static void record(UUID projectId, String partner, String instrument, BigDecimal indicativeAmountUsd) {
        PartnerInterest interest = findById(new ProjectPartnerKey(projectId, partner));
        if (interest == null) {
            interest = new PartnerInterest();
            interest.projectId = projectId;
            interest.partner = partner;
        }
        interest.instrument = instrument;
        interest.indicativeAmountUsd = indicativeAmountUsd;
        interest.persist();
    }

    public static BigDecimal totalFor(UUID projectId) {
        BigDecimal total = getEntityManager().createQuery(
                        "select coalesce(sum(p.indicativeAmountUsd), 0) from PartnerInterest p where p.projectId = :id",
                        BigDecimal.class)
                .setParameter("id", projectId).getSingleResult();
        return total == null ? BigDecimal.ZERO : total;
    }
}

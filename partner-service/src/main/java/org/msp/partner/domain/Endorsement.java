package org.msp.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A partner's standing endorsement of a project: at most one per partner and project. */
@Entity
@Table(name = "endorsement")
@IdClass(ProjectPartnerKey.class)
public class Endorsement extends PanacheEntityBase {
    @Id
    @Column(name = "project_id")
    public UUID projectId;
    @Id
    public String partner;
    public OffsetDateTime since;
    @Column(name = "given_by")
    public String givenBy;

    public static Endorsement give(UUID projectId, String partner, String actor, OffsetDateTime now) {
        Endorsement endorsement = new Endorsement();
        endorsement.projectId = projectId;
        endorsement.partner = partner;
        endorsement.givenBy = actor;
        endorsement.since = now;
        return endorsement;
    }

    public static Endorsement standing(UUID projectId, String partner) {
        return findById(new ProjectPartnerKey(projectId, partner));
    }

    public static List<Endorsement> of(UUID projectId) {
        return list("projectId = ?1 order by since, partner", projectId);
    }
}

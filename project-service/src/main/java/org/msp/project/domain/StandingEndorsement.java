package org.msp.project.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A partner's endorsement of a project that has not been withdrawn, as told by partner-service. */
@Entity
@Table(name = "standing_endorsement")
@IdClass(ProjectPartnerKey.class)
public class StandingEndorsement extends PanacheEntityBase {
    @Id
    @jakarta.persistence.Column(name = "project_id")
    public UUID projectId;
    @Id
    public String partner;
    public OffsetDateTime since;

    /** Records that {@code partner} endorses the project (once, however often partner-service says so). */
    public static void stand(UUID projectId, String partner, OffsetDateTime since) {
        if (findById(new ProjectPartnerKey(projectId, partner)) == null) {
            StandingEndorsement endorsement = new StandingEndorsement();
            endorsement.projectId = projectId;
            endorsement.partner = partner;
            endorsement.since = since;
            endorsement.persist();
        }
    }

    public static void withdraw(UUID projectId, String partner) {
        delete("projectId = ?1 and partner = ?2", projectId, partner);
    }

    public static long countExcluding(UUID projectId, String submittingPartner) {
        return count("projectId = ?1 and partner <> ?2", projectId, submittingPartner);
    }
}

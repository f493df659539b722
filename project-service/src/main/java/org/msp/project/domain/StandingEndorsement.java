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
    /** False for a producer country's endorsement: recorded, shown, not counted toward the quorum. */
    @jakarta.persistence.Column(name = "counts_toward_quorum")
    public Boolean countsTowardQuorum;

    /** Records that {@code partner} endorses the project (once, however often partner-service says so). */
    public static void stand(UUID projectId, String partner, boolean countsTowardQuorum, OffsetDateTime since) {
        if (findById(new ProjectPartnerKey(projectId, partner)) == null) {
            StandingEndorsement endorsement = new StandingEndorsement();
            endorsement.projectId = projectId;
            endorsement.partner = partner;
            endorsement.since = since;
            endorsement.countsTowardQuorum = countsTowardQuorum;
            endorsement.persist();
        }
    }

    public static void withdraw(UUID projectId, String partner) {
        delete("projectId = ?1 and partner = ?2", projectId, partner);
    }

    /** The endorsements that count toward the quorum: MSP partners' other than the submitting partner's. */
    public static long countExcluding(UUID projectId, String submittingPartner) {
        return count("projectId = ?1 and partner <> ?2 and (countsTowardQuorum is null or countsTowardQuorum = true)",
                projectId, submittingPartner);
    }
}

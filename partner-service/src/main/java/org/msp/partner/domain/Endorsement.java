package org.msp.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.msp.events.partner.EndorsementGiven;
import org.msp.events.partner.EndorsementWithdrawn;

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

    /** A new endorsement and the event it causes. */
    public record Given(Endorsement endorsement, EndorsementGiven event) {
    }

    /** The partner's new endorsement of {@code project} (not yet persisted), and its event. */
    public static Given give(Project project, Partner partner, String actor, OffsetDateTime now) {
        Endorsement endorsement = new Endorsement();
        endorsement.projectId = project.id;
        endorsement.partner = partner.code;
        endorsement.givenBy = actor;
        endorsement.since = now;
        return new Given(endorsement, new EndorsementGiven(project.id, project.title, project.hostCountry,
                project.submittingPartner, project.minerals(), partner.code,
                org.msp.events.partner.PartnerKind.valueOf(partner.kind.name())));
    }

    /** Takes this standing endorsement back (the row goes; the history keeps it); returns the event. */
    public EndorsementWithdrawn withdraw(Project project) {
        delete();
        return new EndorsementWithdrawn(project.id, project.title, project.hostCountry, project.submittingPartner,
                project.minerals(), partner);
    }

    public static Endorsement standing(UUID projectId, String partner) {
        return findById(new ProjectPartnerKey(projectId, partner));
    }

    public static List<Endorsement> of(UUID projectId) {
        return list("projectId = ?1 order by since, partner", projectId);
    }
}

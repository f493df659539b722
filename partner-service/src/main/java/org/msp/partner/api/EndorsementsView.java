package org.msp.partner.api;

import org.msp.partner.domain.Endorsement;
import org.msp.partner.domain.Project;
import org.msp.partner.domain.ProjectStatus;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The standing endorsements of a project. */
public record EndorsementsView(UUID projectId, ProjectStatus status, int count, List<EndorsementView> endorsements) {

    /** One partner's standing endorsement. */
    public record EndorsementView(UUID projectId, String partner, OffsetDateTime since) {
        static EndorsementView of(Endorsement endorsement) {
            return new EndorsementView(endorsement.projectId, endorsement.partner, endorsement.since);
        }
    }

    static EndorsementsView of(Project project, List<Endorsement> endorsements) {
        return new EndorsementsView(project.id, project.status(), endorsements.size(),
                endorsements.stream().map(EndorsementView::of).toList());
    }
}

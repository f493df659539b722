package org.msp.partner.api;

import org.msp.events.partner.PartnershipKind;
import org.msp.partner.domain.Partnership;

import java.util.UUID;

/** The partnership a project is proposed under (PUT and GET /projects/{projectId}/partnership). */
public record PartnershipNaming(UUID projectId, Named partnership) {

    /** The body of the PUT: the partnership's id, or null for none. */
    public record Request(UUID partnershipId) {
    }

    public record Named(UUID id, String name, PartnershipKind kind) {
    }

    static PartnershipNaming of(UUID projectId, Partnership partnership) {
        return new PartnershipNaming(projectId,
                partnership == null ? null : new Named(partnership.id, partnership.name, partnership.kind));
    }
}

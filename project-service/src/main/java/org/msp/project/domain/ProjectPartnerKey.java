package org.msp.project.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Composite key of the per-partner facts kept about a project (endorsements, interest). */
public class ProjectPartnerKey implements Serializable {
    public UUID projectId;
    public String partner;

    public ProjectPartnerKey() {
    }

    public ProjectPartnerKey(UUID projectId, String partner) {
        this.projectId = projectId;
        this.partner = partner;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProjectPartnerKey key && Objects.equals(projectId, key.projectId)
                && Objects.equals(partner, key.partner);
    }

    @Override
    public int hashCode() {
        return Objects.hash(projectId, partner);
    }
}

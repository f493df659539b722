package org.msp.partner.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Composite key of what a partner has said about a project: one row per project and partner. */
public class ProjectPartnerKey implements Serializable {
    public UUID projectId;
    public String partner;

    public ProjectPartnerKey() {
    }

    ProjectPartnerKey(UUID projectId, String partner) {
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

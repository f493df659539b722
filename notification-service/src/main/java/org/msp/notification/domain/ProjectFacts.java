package org.msp.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * This service's read model of a project: the public facts its events carried, kept so that partner
 * and ESG events (which do not repeat them) can be titled and filtered by country and mineral.
 */
@Entity
@Table(name = "project_facts")
public class ProjectFacts extends PanacheEntityBase {
    @Id
    @Column(name = "project_id")
    public String projectId;

    public String title;

    @Column(name = "host_country")
    public String hostCountry;

    @Column(name = "submitting_partner")
    public String submittingPartner;

    @Column(name = "minerals")
    String mineralsColumn = ",";

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    protected ProjectFacts() {
    }

    public ProjectFacts(String projectId) {
        this.projectId = projectId;
    }

    /** Takes what an event says; a missing value never erases one learned before. */
    public void learn(String title, String hostCountry, String submittingPartner, Collection<String> minerals,
            OffsetDateTime at) {
        if (title != null && !title.isBlank()) {
            this.title = title;
        }
        if (hostCountry != null && !hostCountry.isBlank()) {
            this.hostCountry = hostCountry;
        }
        if (submittingPartner != null && !submittingPartner.isBlank()) {
            this.submittingPartner = submittingPartner;
        }
        if (minerals != null && !minerals.isEmpty()) {
            this.mineralsColumn = DelimitedSet.encode(minerals);
        }
        this.updatedAt = at;
    }

    public Set<String> minerals() {
        return DelimitedSet.decode(mineralsColumn);
    }

    /** Host country and submitting partner, the countries every event of the project concerns. */
    public Set<String> countries() {
        Set<String> countries = new LinkedHashSet<>();
        if (hostCountry != null) {
            countries.add(hostCountry);
        }
        if (submittingPartner != null) {
            countries.add(submittingPartner);
        }
        return countries;
    }
}

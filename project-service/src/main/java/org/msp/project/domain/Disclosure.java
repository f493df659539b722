package org.msp.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What the project has made public: the transparency component of its priority score. */
@Embeddable
public class Disclosure {
    @Column(name = "feasibility_study_public", nullable = false)
    public boolean feasibilityStudyPublic;

    @Column(name = "agreement_public", nullable = false)
    public boolean agreementPublic;

    @Column(name = "community_consultation_held", nullable = false)
    public boolean communityConsultationHeld;

    public Disclosure() {
    }

    public Disclosure(boolean feasibilityStudyPublic, boolean agreementPublic, boolean communityConsultationHeld) {
        this.feasibilityStudyPublic = feasibilityStudyPublic;
        this.agreementPublic = agreementPublic;
        this.communityConsultationHeld = communityConsultationHeld;
    }

    /** As events carry it. */
    public org.msp.events.project.Disclosure toEvent() {
        return new org.msp.events.project.Disclosure(feasibilityStudyPublic, agreementPublic, communityConsultationHeld);
    }
}

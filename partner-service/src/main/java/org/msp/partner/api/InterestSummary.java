package org.msp.partner.api;

import org.msp.partner.domain.Instrument;
import org.msp.partner.domain.PartnerInterest;
import org.msp.partner.domain.Project;
import org.msp.partner.domain.ProjectStatus;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The public summary of partner interest in a project: who, with which instruments, and how much in total. */
public record InterestSummary(UUID projectId, String title, ProjectStatus status, List<String> partners,
        List<Instrument> instruments, BigDecimal totalIndicativeAmountUsd, List<InterestView> interests) {

    /** One partner's current interest. */
    public record InterestView(String partner, Instrument instrument, BigDecimal indicativeAmountUsd, String note,
            OffsetDateTime expressedAt, OffsetDateTime updatedAt) {
        static InterestView of(PartnerInterest interest) {
            return new InterestView(interest.partner, interest.instrument, interest.indicativeAmountUsd, interest.note,
                    interest.expressedAt, interest.updatedAt);
        }
    }

    public static InterestSummary of(Project project, List<PartnerInterest> interests) {
        List<String> partners = interests.stream().map(i -> i.partner).distinct().sorted().toList();
        List<Instrument> instruments = interests.stream().map(i -> i.instrument).distinct().sorted().toList();
        BigDecimal total = interests.stream().map(i -> i.indicativeAmountUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new InterestSummary(project.id, project.title, project.status(), partners, instruments, total,
                interests.stream().map(InterestView::of).toList());
    }
}

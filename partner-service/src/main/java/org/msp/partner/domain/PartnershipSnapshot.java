package org.msp.partner.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.msp.events.partner.DisclosureLevel;
import org.msp.events.partner.PartnershipKind;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A partnership's public record as one history entry keeps it: what it says about itself and its
 * milestones (linked projects are the projects' own facts, in their support history). Written as
 * canonical JSON, always with the same mapper and field order, so that the same record gives the same
 * text and the chain can compare the record as it stands with its newest entry.
 */
public record PartnershipSnapshot(UUID id, String name, PartnershipKind kind, List<String> parties, LocalDate signedOn,
        String announced, String signingPlace, String sourceReference, String sourceUrl, LocalDate sourcePublishedOn,
        String objectives, DisclosureLevel disclosureLevel, String disclosureBasis, List<MilestoneSnapshot> milestones) {

    private static final ObjectMapper CANONICAL = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public record MilestoneSnapshot(UUID id, String title, LocalDate dueOn, MilestoneStatus status, LocalDate metOn,
            String evidenceUrl) {
    }

    public static PartnershipSnapshot of(Partnership p, List<Milestone> milestones) {
        return new PartnershipSnapshot(p.id, p.name, p.kind, List.copyOf(p.parties), p.signedOn, p.announced,
                p.signingPlace, p.sourceReference, p.sourceUrl, p.sourcePublishedOn, p.objectives, p.disclosureLevel,
                p.disclosureBasis, milestones.stream().map(m -> new MilestoneSnapshot(m.id, m.title, m.dueOn, m.status,
                        m.metOn, m.evidenceUrl)).toList());
    }

    public String json() {
        try {
            return CANONICAL.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a snapshot of plain values always serialises", e);
        }
    }
}

package org.msp.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.msp.events.partner.DisclosureLevel;
import org.msp.events.partner.PartnershipKind;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An agreement the pipeline serves (SPEC §11): the MSP itself, a bilateral MOU, a dialogue. Every change
 * is appended to its hash-chained history ({@link #record}); {@link #version()} counts those changes and
 * is the ETag an edit must match.
 */
@Entity
@Table(name = "partnership")
public class Partnership extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public PartnershipKind kind;
    @Column(name = "signed_on")
    public LocalDate signedOn;
    /** When it was announced or launched, as precisely as its source says ({@code 2022}, {@code 2022-06}, a day). */
    public String announced;
    @Column(name = "signing_place")
    public String signingPlace;
    @Column(name = "source_reference")
    public String sourceReference;
    @Column(name = "source_url")
    public String sourceUrl;
    @Column(name = "source_published_on")
    public LocalDate sourcePublishedOn;
    public String objectives;
    /** Null when no source supports a level; {@link #disclosureBasis} says why. */
    @Enumerated(EnumType.STRING)
    @Column(name = "disclosure_level")
    public DisclosureLevel disclosureLevel;
    @Column(name = "disclosure_basis")
    public String disclosureBasis;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "partnership_party", joinColumns = @JoinColumn(name = "partnership_id"))
    @OrderColumn(name = "position")
    @Column(name = "code")
    public List<String> parties = new ArrayList<>();
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "history_head")
    String historyHead;
    @Column(name = "history_length")
    int historyLength;

    /** What a partnership says about itself: everything the secretariat sets in one create or edit. */
    public record Terms(String name, PartnershipKind kind, List<String> parties, LocalDate signedOn, String announced,
            String signingPlace, String sourceReference, String sourceUrl, LocalDate sourcePublishedOn,
            String objectives, DisclosureLevel disclosureLevel, String disclosureBasis) {
    }

    public static Partnership create(Terms terms, String actor, OffsetDateTime now) {
        Partnership partnership = new Partnership();
        partnership.id = UUID.randomUUID();
        partnership.createdAt = now;
        partnership.createdBy = actor;
        partnership.take(terms, now);
        return partnership;
    }

    /** Replaces what the partnership says about itself; its milestones and history stay. */
    public void take(Terms terms, OffsetDateTime now) {
        name = terms.name();
        kind = terms.kind();
        parties.clear();
        parties.addAll(terms.parties());
        signedOn = terms.signedOn();
        announced = terms.announced();
        signingPlace = terms.signingPlace();
        sourceReference = terms.sourceReference();
        sourceUrl = terms.sourceUrl();
        sourcePublishedOn = terms.sourcePublishedOn();
        objectives = terms.objectives();
        disclosureLevel = terms.disclosureLevel();
        disclosureBasis = terms.disclosureBasis();
        updatedAt = now;
    }

    /**
     * Appends a change to the history: the entry's hash covers the previous head, the change and the
     * partnership's whole public record after it ({@code snapshot}). Moves the head.
     */
    public PartnershipHistoryEntry record(PartnershipAction action, String snapshot, String actor, String cause,
            OffsetDateTime at) {
        PartnershipHistoryEntry entry = PartnershipChain.append(historyHead, historyLength + 1, id, at, actor, cause,
                action, snapshot);
        historyHead = entry.hash;
        historyLength = entry.seq;
        return entry;
    }

    /** How many changes the history holds: the version an edit's If-Match must name. */
    public int version() {
        return historyLength;
    }

    public String historyHead() {
        return historyHead;
    }

    /**
     * The year the scorecard files it under: the signing year, else the year the source says it was
     * announced or launched; null when the source states neither.
     */
    public Integer year() {
        if (signedOn != null) {
            return signedOn.getYear();
        }
        return announced == null ? null : Integer.valueOf(announced.substring(0, 4));
    }

    public static List<Partnership> unrecorded() {
        return list("historyLength = 0");
    }
}

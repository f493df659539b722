package org.msp.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.msp.platform.history.HashChain;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One change of a partnership, chained to the previous one by its hash, with the record as it then stood. */
@Entity
@Table(name = "partnership_history")
public class PartnershipHistoryEntry extends PanacheEntityBase implements HashChain.Link {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "partnership_id")
    public UUID partnershipId;
    public int seq;
    public OffsetDateTime at;
    /** Token subject of the secretariat user, or {@code seed} for the migration's rows. */
    public String actor;
    /** The command (e.g. {@code PUT /partnerships/{id}}) or the migration that caused it. */
    public String cause;
    @Enumerated(EnumType.STRING)
    public PartnershipAction action;
    /** The partnership's public record after the change (canonical JSON, {@link PartnershipSnapshot}). */
    public String snapshot;
    @Column(name = "previous_hash")
    public String previousHash;
    public String hash;

    public static List<PartnershipHistoryEntry> of(UUID partnershipId) {
        return list("partnershipId = ?1 order by seq", partnershipId);
    }

    @Override
    public int position() {
        return seq;
    }

    @Override
    public String previousHash() {
        return previousHash;
    }

    @Override
    public String recordedHash() {
        return hash;
    }

    @Override
    public String contentHash() {
        return PartnershipChain.hashOf(this);
    }
}

package org.msp.project.domain;

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

/** One step of a project's public history, chained to the previous step by its hash. */
@Entity
@Table(name = "project_history")
public class HistoryEntry extends PanacheEntityBase implements HashChain.Link {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id")
    public UUID projectId;
    public int seq;
    public OffsetDateTime at;
    /** Token subject of the user, or {@code event:<source>} when an event caused the step. */
    public String actor;
    /** The command (e.g. {@code POST /projects/{id}/submit}) or the event id that caused it. */
    public String cause;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ProjectStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ProjectStatus toStatus;
    public String reason;
    @Column(name = "previous_hash")
    public String previousHash;
    public String hash;

    public static List<HistoryEntry> of(UUID projectId) {
        return list("projectId = ?1 order by seq", projectId);
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
        return HistoryChain.hashOf(this);
    }
}

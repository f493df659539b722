package org.msp.project.documents;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.msp.events.project.DocumentType;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A document a project published, as recorded: its metadata and the SHA-256 of its bytes. Never changed
 * once written; a new version is a new document that names the one it {@link #supersedes}.
 */
@Entity
@Table(name = "project_document")
public class ProjectDocument extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "project_id")
    public UUID projectId;
    @Enumerated(EnumType.STRING)
    @Column(name = "document_type")
    public DocumentType documentType;
    public String title;
    public String language;
    @Column(name = "media_type")
    public String mediaType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    public String sha256;
    public UUID supersedes;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    @Column(name = "published_by")
    public String publishedBy;
    /** The history entry that recorded its hash. */
    @Column(name = "history_seq")
    public int historySeq;

    public static List<ProjectDocument> of(UUID projectId) {
        return list("projectId = ?1 order by publishedAt, id", projectId);
    }

    /** The newer version of {@code id}, if one was published. */
    public static Optional<ProjectDocument> supersededBy(UUID id) {
        return find("supersedes", id).firstResultOptional();
    }

    /** Whether the project has a current (not superseded) document of one of {@code types}. */
    public static Optional<ProjectDocument> currentOf(UUID projectId, List<DocumentType> types) {
        return find("projectId = ?1 and documentType in ?2 and not exists (select 1 from ProjectDocument n "
                + "where n.supersedes = id) order by publishedAt desc", projectId, types).firstResultOptional();
    }
}

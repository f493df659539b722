package org.msp.esg.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.msp.events.project.DocumentPublished;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What this service knows of a document project-service published (from its document-published
 * event): enough for a reviewer to cite it as evidence and for anyone to check the cited hash.
 */
@Entity
@Table(name = "project_document")
public class ProjectDocument extends PanacheEntityBase {
    @Id
    @Column(name = "document_id")
    public UUID documentId;
    @Column(name = "project_id")
    public UUID projectId;
    public String sha256;
    @Column(name = "document_type")
    public String documentType;
    public String title;
    @Column(name = "learnt_at")
    public OffsetDateTime learntAt;

    public static ProjectDocument of(DocumentPublished published, OffsetDateTime now) {
        ProjectDocument document = new ProjectDocument();
        document.documentId = published.documentId();
        document.projectId = published.projectId();
        document.sha256 = published.sha256();
        document.documentType = published.documentType().name();
        document.title = published.documentTitle();
        document.learntAt = now;
        return document;
    }

    public static List<ProjectDocument> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("documentId in ?1", ids);
    }
}

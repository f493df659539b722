package org.msp.project.api;

import org.msp.events.project.DocumentType;
import org.msp.project.documents.ProjectDocument;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A published document as the API shows it, with where to fetch and check its bytes. */
public record DocumentView(UUID id, UUID projectId, DocumentType documentType, String title, String language,
        String mediaType, long sizeBytes, String sha256, UUID supersedes, UUID supersededBy,
        OffsetDateTime publishedAt, String publishedBy, int historyEntry, String contentUrl, String verifyUrl) {

    static DocumentView of(ProjectDocument d, UUID supersededBy) {
        return new DocumentView(d.id, d.projectId, d.documentType, d.title, d.language, d.mediaType, d.sizeBytes,
                d.sha256, d.supersedes, supersededBy, d.publishedAt, d.publishedBy, d.historySeq,
                "/api/v1/documents/" + d.id + "/content", "/api/v1/documents/" + d.id + "/verify");
    }
}

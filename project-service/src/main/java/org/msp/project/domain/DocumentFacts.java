package org.msp.project.domain;

import org.msp.events.project.DocumentType;

import java.util.UUID;

/** What the history and the event say of a document the project publishes. */
public record DocumentFacts(UUID id, DocumentType type, String title, String language, String mediaType,
        long sizeBytes, String sha256, UUID supersedes) {
}

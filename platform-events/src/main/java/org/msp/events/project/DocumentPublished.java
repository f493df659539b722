package org.msp.events.project;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.msp.events.CountryCode;
import org.msp.events.Mineral;
import org.msp.events.NoNul;

import java.util.List;
import java.util.UUID;

/**
 * {@link org.msp.events.EventType#PROJECT_DOCUMENT_PUBLISHED}: the submitting partner published a
 * document; its SHA-256 lets anyone holding a copy check it is the one the history recorded.
 */
public record DocumentPublished(
        @NotNull UUID projectId,
        @NotBlank @Size(max = TITLE) @NoNul String title,
        @NotNull @CountryCode String hostCountry,
        @NotNull @CountryCode String submittingPartner,
        @NotNull @Size(max = MINERALS) List<@NotNull Mineral> minerals,
        @NotNull UUID documentId,
        @NotNull DocumentType documentType,
        @NotBlank @Size(max = DOCUMENT_TITLE) @NoNul String documentTitle,
        @NotNull @Pattern(regexp = LANGUAGE) String language,
        /* as detected from the bytes, never as the uploader named it */
        @NotBlank @Size(max = 100) @NoNul String mediaType,
        @NotNull @Min(1) Long sizeBytes,
        @NotNull @Pattern(regexp = SHA_256) String sha256,
        /* the earlier version this one replaces, or null */
        UUID supersedes,
        @NotBlank @Size(max = ACTOR) @NoNul String actor,
        @NotNull @Pattern(regexp = SHA_256) String historyHead) implements HistoryWitness {

    /** Longest document title (project-service's own limit). */
    public static final int DOCUMENT_TITLE = 300;

    @Override
    public DocumentPublished withHistoryHead(String head) {
        return new DocumentPublished(projectId, title, hostCountry, submittingPartner, minerals, documentId,
                documentType, documentTitle, language, mediaType, sizeBytes, sha256, supersedes, actor, head);
    }
}

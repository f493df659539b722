package org.msp.project.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.msp.events.project.DocumentType;
import org.msp.platform.api.ProblemException;
import org.msp.project.domain.DocumentFacts;
import org.msp.project.domain.Proposal;
import org.msp.project.service.ProposalService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Publishing a document: its bytes, its metadata, the history entry naming its SHA-256 and its
 * {@code document-published} event commit together, or nothing is stored.
 */
@ApplicationScoped
public class DocumentService {
    private final ProposalService proposals;
    private final DocumentChunks chunks;

    public DocumentService(ProposalService proposals, DocumentChunks chunks) {
        this.proposals = proposals;
        this.chunks = chunks;
    }

    /** What the uploader says of the file; the media type comes from {@link DocumentInspection}. */
    public record NewDocument(DocumentType type, String title, String language, String mediaType, UUID supersedes) {
    }

    @Transactional
    public ProjectDocument publish(UUID projectId, NewDocument request, Path file, ProposalService.Actor actor) {
        Proposal proposal = proposals.lockedForUpdate(projectId)
                .orElseThrow(() -> ProblemException.notFound("project " + projectId));
        if (request.supersedes() != null) {
            ProjectDocument earlier = ProjectDocument.findById(request.supersedes());
            if (earlier == null || !earlier.projectId.equals(projectId)) {
                throw ProblemException.badRequest("supersedes", "names no document of this project");
            }
            ProjectDocument.supersededBy(earlier.id).ifPresent(newer -> {
                throw ProblemException.conflict("document " + earlier.id + " was already superseded by " + newer.id
                        + "; supersede the newest version");
            });
        }
        ProjectDocument document = new ProjectDocument();
        document.id = UUID.randomUUID();
        document.projectId = projectId;
        document.documentType = request.type();
        document.title = request.title();
        document.language = request.language();
        document.mediaType = request.mediaType();
        document.supersedes = request.supersedes();
        document.publishedAt = proposals.now();
        document.publishedBy = actor.id();
        // the row first (the chunks refer to it), completed once the bytes are hashed
        document.sha256 = "";
        document.sizeBytes = 1;
        document.persistAndFlush();
        DocumentChunks.Stored stored;
        try (InputStream in = Files.newInputStream(file)) {
            stored = chunks.write(document.id, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        document.sha256 = stored.sha256();
        document.sizeBytes = stored.size();
        proposals.record(proposal, proposal.publishDocument(new DocumentFacts(document.id, document.documentType,
                document.title, document.language, document.mediaType, document.sizeBytes, document.sha256,
                document.supersedes), actor.id(), document.publishedAt), actor);
        document.historySeq = proposal.historyLength();
        return document;
    }

    /** Re-hashes the stored bytes: whether they still are the ones the history recorded. */
    public Verification verify(ProjectDocument document) {
        DocumentChunks.Stored now = chunks.rehash(document.id);
        boolean intact = now.sha256().equals(document.sha256) && now.size() == document.sizeBytes;
        return new Verification(document.id, intact, document.sha256, now.sha256(), document.sizeBytes, now.size(),
                document.historySeq);
    }

    /** The recorded hash (the one the history and the event carry) against the one recomputed now. */
    public record Verification(UUID documentId, boolean intact, String recordedSha256, String computedSha256,
            long recordedSize, long storedSize, int historyEntry) {
    }
}

package org.msp.project.api;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.msp.events.EventData;
import org.msp.events.project.DocumentPublished;
import org.msp.events.project.DocumentType;
import org.msp.platform.api.Problem;
import org.msp.platform.api.ProblemException;
import org.msp.platform.security.Caller;
import org.msp.project.documents.DocumentInspection;
import org.msp.project.documents.DocumentService;
import org.msp.project.documents.ProjectDocument;
import org.msp.project.service.ProposalService;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A project's documents (SPEC §9): the submitting partner uploads one as multipart/form-data
 * ({@code file}, {@code documentType}, {@code title}, {@code language}, optional {@code supersedes});
 * everyone lists them. Quarkus spools the file to disk, so an upload never sits in memory.
 */
@Path("/projects/{id}/documents")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectDocumentsResource {
    private final DocumentService documents;
    private final DocumentInspection inspection;
    private final ProjectAccess access;
    private final Caller caller;
    private final long maxSize;

    public ProjectDocumentsResource(DocumentService documents, DocumentInspection inspection, ProjectAccess access,
            Caller caller, @ConfigProperty(name = "msp.documents.max-size") MemorySize maxSize) {
        this.documents = documents;
        this.inspection = inspection;
        this.access = access;
        this.caller = caller;
        this.maxSize = maxSize.asLongValue();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Caller.PARTNER_GOVERNMENT)
    public Response upload(@PathParam("id") UUID id, @RestForm("file") FileUpload file,
            @RestForm("documentType") String documentType, @RestForm("title") String title,
            @RestForm("language") String language, @RestForm("supersedes") String supersedes, UriInfo uri) {
        access.ownedByCaller(id);
        DocumentType type = documentType(documentType);
        String cleanTitle = text("title", title, DocumentPublished.DOCUMENT_TITLE);
        String cleanLanguage = language(language);
        UUID earlier = uuid("supersedes", supersedes);
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.badRequest("file", "attach the document as the multipart part named file");
        }
        if (file.size() == 0) {
            throw ProblemException.badRequest("file", "the file is empty");
        }
        if (file.size() > maxSize) {
            throw new ProblemException(413, "Content Too Large", "a document may have at most " + maxSize + " bytes",
                    List.of(new Problem.FieldError("file", "at most " + maxSize + " bytes; this one has "
                            + file.size())));
        }
        String mediaType = inspection.mediaTypeOf(file.uploadedFile(), file.fileName());
        ProjectDocument document = documents.publish(id, new DocumentService.NewDocument(type, cleanTitle,
                cleanLanguage, mediaType, earlier), file.uploadedFile(),
                new ProposalService.Actor(caller.subject(), "POST /projects/" + id + "/documents"));
        return Response.created(uri.getBaseUriBuilder().path("documents").path(document.id.toString()).build())
                .entity(DocumentView.of(document, null)).build();
    }

    @GET
    @PermitAll
    @Transactional
    public List<DocumentView> list(@PathParam("id") UUID id) {
        access.visible(id);
        List<ProjectDocument> all = ProjectDocument.of(id);
        return all.stream().map(d -> DocumentView.of(d, all.stream().filter(n -> d.id.equals(n.supersedes))
                .map(n -> n.id).findFirst().orElse(null))).toList();
    }

    private static DocumentType documentType(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("documentType", "required: one of " + Arrays.toString(DocumentType.values()));
        }
        return Arrays.stream(DocumentType.values()).filter(t -> t.name().equals(value.strip())).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("documentType", "must be one of the OC4IDS codes "
                        + Arrays.toString(DocumentType.values())));
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, "required");
        }
        if (value.indexOf('\u0000') >= 0) {
            throw ProblemException.badRequest(field, "the NUL character (U+0000) is not allowed in text");
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            throw ProblemException.badRequest(field, "at most " + max + " characters");
        }
        return stripped;
    }

    private static String language(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("language", "required: a BCP 47 tag such as en, fr or pt-BR");
        }
        if (!value.strip().matches(EventData.LANGUAGE)) {
            throw ProblemException.badRequest("language", "must be a BCP 47 tag such as en, fr or pt-BR");
        }
        return value.strip();
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be a document id (a UUID)");
        }
    }
}

package org.msp.project.api;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.msp.platform.api.ProblemException;
import org.msp.project.documents.DocumentChunks;
import org.msp.project.documents.DocumentService;
import org.msp.project.documents.ProjectDocument;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Documents (SPEC §9), as everyone reads them (uploads: {@link ProjectDocumentsResource}). The bytes are served
 * with a strong ETag and an RFC 9530 {@code Repr-Digest} (both the SHA-256 the history recorded), and
 * single byte ranges (RFC 9110 §14) so a large study can be fetched in parts or resumed.
 */
@Path("/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {
    private final DocumentService documents;
    private final DocumentChunks chunks;
    private final ProjectAccess access;

    public DocumentResource(DocumentService documents, DocumentChunks chunks, ProjectAccess access) {
        this.documents = documents;
        this.chunks = chunks;
        this.access = access;
    }

    @GET
    @Path("/{docId}")
    @PermitAll
    @Transactional
    public DocumentView get(@PathParam("docId") UUID docId) {
        ProjectDocument document = visible(docId);
        return DocumentView.of(document, ProjectDocument.supersededBy(docId).map(n -> n.id).orElse(null));
    }

    @GET
    @Path("/{docId}/verify")
    @PermitAll
    public DocumentService.Verification verify(@PathParam("docId") UUID docId) {
        return documents.verify(readVisible(docId));
    }

    @GET
    @Path("/{docId}/content")
    @Produces(MediaType.WILDCARD)
    @PermitAll
    public Response content(@PathParam("docId") UUID docId, @HeaderParam("Range") String range,
            @HeaderParam("If-Range") String ifRange, @HeaderParam("If-None-Match") String ifNoneMatch) {
        ProjectDocument document = readVisible(docId);
        EntityTag etag = new EntityTag(document.sha256);
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(document.sha256)) + ":";
        if (ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || Arrays.stream(ifNoneMatch.split(","))
                .map(t -> t.strip().replace("W/", "")).anyMatch(("\"" + document.sha256 + "\"")::equals))) {
            return Response.notModified(etag).header("Repr-Digest", digest).build();
        }
        long size = document.sizeBytes;
        ByteRange wanted = ifRange == null || ifRange.strip().equals("\"" + document.sha256 + "\"")
                ? ByteRange.parse(range, size) : null;
        if (wanted == ByteRange.UNSATISFIABLE) {
            return Response.status(416).header("Content-Range", "bytes */" + size)
                    .header("Accept-Ranges", "bytes").build();
        }
        long first = wanted == null ? 0 : wanted.first();
        long last = wanted == null ? size - 1 : wanted.last();
        StreamingOutput body = out -> chunks.copy(docId, first, last, out);
        Response.ResponseBuilder response = Response.status(wanted == null ? 200 : 206).entity(body)
                .type(document.mediaType)
                .tag(etag)
                .header("Repr-Digest", digest)
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", last - first + 1)
                // never shown as a page of this origin: the bytes are the uploader's
                .header("Content-Disposition", "attachment; filename=\"" + document.id + extension(document.mediaType) + "\"")
                .header("Cache-Control", "public, max-age=31536000, immutable");
        if (wanted != null) {
            response.header("Content-Range", "bytes " + first + "-" + last + "/" + size);
        }
        return response.build();
    }

    /** One byte range of a {@code Range: bytes=…} header; several ranges are answered with the whole file. */
    record ByteRange(long first, long last) {
        static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

        static ByteRange parse(String header, long size) {
            if (header == null || !header.strip().startsWith("bytes=") || header.contains(",")) {
                return null;
            }
            String spec = header.strip().substring("bytes=".length()).strip();
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return null;
            }
            try {
                String from = spec.substring(0, dash).strip();
                String to = spec.substring(dash + 1).strip();
                if (from.isEmpty()) {
                    long suffix = Long.parseLong(to);
                    return suffix <= 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, size - suffix), size - 1);
                }
                long first = Long.parseLong(from);
                long last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
                if (first < 0 || first >= size) {
                    return UNSATISFIABLE;
                }
                return last < first ? null : new ByteRange(first, last);
            } catch (NumberFormatException e) {
                // a malformed Range is ignored (RFC 9110 §14.2): the whole file
                return null;
            }
        }
    }

    @Transactional
    ProjectDocument readVisible(UUID docId) {
        return visible(docId);
    }

    private ProjectDocument visible(UUID docId) {
        ProjectDocument document = ProjectDocument.findById(docId);
        if (document == null) {
            throw ProblemException.notFound("document " + docId);
        }
        access.visible(document.projectId);
        return document;
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> ".pdf";
            case "application/vnd.oasis.opendocument.text" -> ".odt";
            case "application/vnd.oasis.opendocument.spreadsheet" -> ".ods";
            case "application/vnd.oasis.opendocument.presentation" -> ".odp";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> ".docx";
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> ".xlsx";
            case "application/vnd.openxmlformats-officedocument.presentationml.presentation" -> ".pptx";
            case "text/csv" -> ".csv";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "application/geo+json" -> ".geojson";
            default -> "";
        };
    }
}

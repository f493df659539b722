package org.msp.project.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.msp.platform.api.Problem;

import java.io.IOException;
import java.util.List;

/**
 * A body that cannot even be parsed — a truncated multipart upload, a boundary that is not the one
 * announced, no boundary at all — fails in Quarkus's form reader before any resource runs, as an
 * IOException it would answer 500. It is the client's body that is broken: 400, naming the part.
 * (JSON parse errors have their own, more specific mapper in platform-commons.) A request without a body
 * has nothing to blame: its IOException is the service's own reading failing (the database, while an export
 * or an archive streams), so 503 with Retry-After, as for any dependency that is down.
 */
public class UnreadableBodyMapper {
    @ServerExceptionMapper
    public Response unreadable(IOException e, HttpHeaders headers, UriInfo uri) {
        MediaType type = headers.getMediaType();
        if (type == null) {
            String detail = "the service could not read its own data; try again shortly"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
            return Response.status(503).header("Retry-After", "5").type(Problem.MEDIA_TYPE)
                    .entity(new Problem("https://msp-pipeline.org/problems/503", "Service Unavailable", 503, detail,
                            uri.getPath(), List.of()))
                    .build();
        }
        boolean multipart = type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE);
        String field = multipart ? "file" : "body";
        String detail = (multipart ? "the multipart/form-data body could not be read" : "the request body could not be read")
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(new Problem("https://msp-pipeline.org/problems/400", "Bad Request", 400, detail, uri.getPath(),
                        List.of(new Problem.FieldError(field, detail))))
                .build();
    }
}

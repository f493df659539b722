package org.msp.project.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.msp.platform.api.Problem;
import org.msp.project.domain.IllegalTransitionException;
import org.msp.project.domain.Proposal;

import java.util.List;

/** A command the lifecycle or the project's state does not allow (an edit of a non-draft, a refused follow-through step): 409, nothing changed. */
public class IllegalTransitionMapper {
    @ServerExceptionMapper
    public Response conflict(IllegalTransitionException e, UriInfo uri) {
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(new Problem("https://msp-pipeline.org/problems/409", "Illegal transition", 409,
                        e.getMessage(), uri.getPath(), List.of()))
                .build();
    }

    @ServerExceptionMapper
    public Response documentsClosed(Proposal.DocumentsClosedException e, UriInfo uri) {
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(new Problem("https://msp-pipeline.org/problems/409", "Conflict", 409,
                        e.getMessage(), uri.getPath(), List.of(new Problem.FieldError("projectId", e.getMessage()))))
                .build();
    }

    @ServerExceptionMapper
    public Response refused(Proposal.RefusedException e, UriInfo uri) {
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(new Problem("https://msp-pipeline.org/problems/409", "Conflict", 409,
                        e.getMessage(), uri.getPath(), List.of(new Problem.FieldError(e.field(), e.getMessage()))))
                .build();
    }

    @ServerExceptionMapper
    public Response notEditable(Proposal.NotEditableException e, UriInfo uri) {
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(new Problem("https://msp-pipeline.org/problems/409", "Conflict", 409,
                        e.getMessage(), uri.getPath(), List.of()))
                .build();
    }
}

package org.msp.esg.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.msp.esg.domain.ReviewRuleException;
import org.msp.platform.api.Problem;

import java.util.List;

/** A command the review's rules refuse becomes a problem+json; nothing was changed. */
public class ReviewRuleMapper {
    @ServerExceptionMapper
    public Response refused(ReviewRuleException e, UriInfo uri) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case INCOMPLETE -> 422;
        };
        String title = switch (e.kind()) {
            case INVALID -> "Bad Request";
            case NOT_FOUND -> "Not Found";
            case FORBIDDEN -> "Forbidden";
            case CONFLICT -> "Conflict";
            case INCOMPLETE -> "Unprocessable Content";
        };
        List<Problem.FieldError> errors = e.fieldMessages().entrySet().stream()
                .map(field -> new Problem.FieldError(field.getKey(), field.getValue())).toList();
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("https://msp-pipeline.org/problems/" + status, title, status, e.getMessage(),
                        uri.getPath(), errors))
                .build();
    }
}

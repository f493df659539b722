package org.msp.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.ValidationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every refused request into an RFC 9457 problem+json that names the bad fields, so bad
 * input never surfaces as a 500 or as a bare framework message.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem(typeFor(e.status()), e.title(), e.status(), e.getMessage(), path(uri), e.errors()));
    }

    /** Takes precedence over Quarkus's own validation mapper, which answers plain JSON. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response invalid(ValidationException exception, UriInfo uri) {
        if (!(exception instanceof ConstraintViolationException e)) {
            // a broken constraint declaration is a server bug, not the caller's
            return respond(new Problem(typeFor(500), "Internal Server Error", 500, "validation could not run",
                    path(uri), List.of()));
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(Problem.FieldError::field).distinct()
                .collect(Collectors.joining(", ", "invalid fields: ", ""));
        return respond(new Problem(typeFor(400), "Bad Request", 400, detail, path(uri), errors));
    }

    /** Replaces Quarkus's built-in mapper for the same type, which answers plain JSON. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            field = field.isEmpty() ? unknown.getPropertyName() : field;
            message = "unknown property";
        } else if (e instanceof TextWithoutNul.NulCharacterException) {
            message = e.getOriginalMessage();
        } else if (e instanceof InvalidFormatException invalid) {
            message = "not a valid " + invalid.getTargetType().getSimpleName() + ": " + invalid.getValue();
        } else if (e instanceof JsonMappingException && !field.isEmpty()) {
            message = "wrong type or shape";
        } else {
            message = "malformed JSON: " + e.getOriginalMessage();
        }
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        String detail = field.isEmpty() ? message : field + ": " + message;
        return respond(new Problem(typeFor(400), "Bad Request", 400, detail, path(uri), errors));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException unreadableBody) {
            // the framework wraps some body parse errors (e.g. truncated JSON): say what was wrong
            return unreadable(unreadableBody, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        Response.ResponseBuilder builder = Response.fromResponse(e.getResponse())
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(typeFor(status), title, status, e.getMessage(), path(uri), List.of()));
        return builder.build();
    }

    /** No or unusable credentials for a protected endpoint: 401 with the Bearer challenge. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unauthorized(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(typeFor(401), "Unauthorized", 401,
                        "this endpoint needs a bearer token from the msp realm", path(uri), List.of())))
                .header("WWW-Authenticate", "Bearer realm=\"msp\"").build();
    }

    /** Authenticated, but the role does not allow it. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(new Problem(typeFor(403), "Forbidden", 403,
                "your role does not allow this", path(uri), List.of()));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String typeFor(int status) {
        return "https://msp-pipeline.org/problems/" + status;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /** The JSON field path of a Jackson error, e.g. {@code disclosure.agreementPublic} or {@code minerals[2]}. */
    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The request field a violation is about, without the method and parameter names. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        boolean inBody = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                inBody = true;
                continue;
            }
            // a node inside a list carries the list's index: it belongs to the part before it
            if (node.isInIterable() && node.getIndex() != null && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
            }
            String name = node.getName();
            if (name == null || name.startsWith("<")) {
                continue;
            }
            parts.add(name);
        }
        if (parts.isEmpty() && inBody) {
            // the whole parameter is wrong, e.g. a missing body or query parameter
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.PARAMETER) {
                    return node.getName();
                }
            }
        }
        return String.join(".", parts);
    }
}

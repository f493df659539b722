package org.msp.portal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's RFC 9457 answer to a refused request, read so that a page can show {@code detail} at the
 * top and each {@code errors[].field} next to its own field.
 */
public record ServiceProblem(int status, String title, String detail, Map<String, String> fields) {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Body(String title, Integer status, String detail, List<FieldError> errors) {
    }

    record FieldError(String field, String message) {
    }

    public static ServiceProblem of(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        try {
            String text = e.getResponse().readEntity(String.class);
            var node = JSON.readTree(text);
            Map<String, String> fields = new LinkedHashMap<>();
            node.path("errors").forEach(error -> fields.merge(error.path("field").asText(),
                    error.path("message").asText(), (a, b) -> a + "; " + b));
            return new ServiceProblem(status, node.path("title").asText(null), node.path("detail").asText(null), fields);
        } catch (RuntimeException | java.io.IOException notProblemJson) {
            return new ServiceProblem(status, e.getResponse().getStatusInfo().getReasonPhrase(), null, Map.of());
        }
    }

    /** A problem the portal itself found in a form before calling a service (e.g. a number that is not one). */
    public static ServiceProblem ofFields(Map<String, String> fields) {
        return new ServiceProblem(400, null, null, fields);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String about(String field) {
        return fields.get(field);
    }

    /** What to say at the top: the detail, or the title when the service gave none. */
    public String summary() {
        return detail != null ? detail : title;
    }
}

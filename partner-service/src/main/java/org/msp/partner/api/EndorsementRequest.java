package org.msp.partner.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The optional body of PUT and DELETE /projects/{projectId}/endorsement. The partner is the caller's
 * country; naming any other partner is refused (403).
 */
public record EndorsementRequest(String partner) {
    private static final EndorsementRequest NONE = new EndorsementRequest(null);

    /**
     * The body is optional, so it is read here rather than by the framework (which would refuse a
     * request without a Content-Type); unknown fields and bad JSON still end as a 400 problem.
     */
    static EndorsementRequest parse(ObjectMapper mapper, String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            return NONE;
        }
        EndorsementRequest request = mapper.readValue(body, EndorsementRequest.class);
        return request == null ? NONE : request;
    }
}

package org.msp.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.Set;

/**
 * A request body that may be left out (a bare POST to claim a review, a DELETE of an endorsement).
 * Read by hand because JAX-RS would refuse a request without a Content-Type (415) before the method;
 * bad JSON, unknown fields and broken constraints still end as 400 problems naming the field.
 */
@ApplicationScoped
public class OptionalBody {
    private final ObjectMapper mapper;
    private final Validator validator;

    public OptionalBody(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** {@code body} as a validated {@code type}, or null when there is none (empty, blank or {@code null}). */
    public <T> T read(String body, Class<T> type) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            return null;
        }
        T value = mapper.readValue(body, type);
        if (value == null) {
            return null;
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }
}

package org.msp.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} names each bad field of a rejected request.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected field: its JSON path (e.g. {@code disclosure.agreementPublic}) and why. */
    public record FieldError(String field, String message) {
    }
}

package org.msp.partner.api;

/**
 * The optional body of PUT and DELETE /projects/{projectId}/endorsement. The partner is the caller's
 * country; naming any other partner is refused (403).
 */
public record EndorsementRequest(String partner) {
    /** The partner a (possibly absent) body names, or null. */
    static String partnerIn(EndorsementRequest request) {
        return request == null ? null : request.partner();
    }
}

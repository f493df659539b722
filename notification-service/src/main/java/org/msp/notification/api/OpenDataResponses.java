package org.msp.notification.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * How the public history is answered (SPEC §10): under CC BY 4.0, named in a {@code Link rel="license"}
 * header; with an ETag of the bytes, so {@code If-None-Match} gets 304; and cacheable for ever when the
 * page can no longer change (a full page, an archive document).
 */
final class OpenDataResponses {
    static final String LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/";
    static final String LICENSE_NAME = "CC BY 4.0";
    static final String ATTRIBUTION = "MSP pipeline platform, notification-service";
    static final String LICENSE_LINK = "<" + LICENSE_URL + ">; rel=\"license\"";

    private OpenDataResponses() {
    }

    /** {@code body} as JSON, as {@link #of}. */
    static Response json(Request request, ObjectMapper mapper, Object body, boolean immutable,
            Map<String, String> links) {
        try {
            return of(request, mapper.writeValueAsString(body), MediaType.APPLICATION_JSON, immutable, links);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + body.getClass().getSimpleName(), e);
        }
    }

    /** {@code links} maps a relation ({@code next}, ...) to its URL, sent as {@code Link} headers. */
    static Response of(Request request, String body, String mediaType, boolean immutable, Map<String, String> links) {
        EntityTag etag = new EntityTag(digest(body), true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(body, mediaType);
        answer.tag(etag).cacheControl(immutable ? forEver() : revalidate()).header("Link", LICENSE_LINK);
        links.forEach((rel, url) -> answer.header("Link", "<" + url + ">; rel=\"" + rel + "\""));
        return answer.build();
    }

    private static CacheControl forEver() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(31_536_000);
        cache.getCacheExtension().put("immutable", null);
        return cache;
    }

    private static CacheControl revalidate() {
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        return cache;
    }

    private static String digest(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

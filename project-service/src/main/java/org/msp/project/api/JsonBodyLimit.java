package org.msp.project.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.msp.platform.api.Problem;

import java.util.List;
import java.util.Locale;

/**
 * Quarkus has one body limit for the whole server ({@code quarkus.http.limits.max-body-size}), which
 * here must let a 25 MB document through. Every other request body is JSON of a few kilobytes, so this
 * route, placed before Quarkus's own check, keeps their old limit: a declared length above it is 413
 * before a byte is read. (A chunked JSON body, which no client of the platform sends, is bounded by
 * the server limit only.)
 */
@ApplicationScoped
public class JsonBodyLimit {
    private final ObjectMapper mapper;
    private final long limit;

    public JsonBodyLimit(ObjectMapper mapper, @ConfigProperty(name = "msp.api.max-json-body-size") MemorySize limit) {
        this.mapper = mapper;
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-3).handler(context -> {
            String type = context.request().getHeader("Content-Type");
            String length = context.request().getHeader("Content-Length");
            boolean upload = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
            if (!upload && length != null && declaredAbove(length)) {
                try {
                    context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .putHeader("Connection", "close")
                            .end(mapper.writeValueAsString(new Problem("https://msp-pipeline.org/problems/413",
                                    "Content Too Large", 413, "a request body may have at most " + limit
                                    + " bytes (documents are uploaded as multipart/form-data)", context.request().path(),
                                    List.of())));
                } catch (JsonProcessingException e) {
                    context.fail(e);
                }
                return;
            }
            context.next();
        });
    }

    private boolean declaredAbove(String length) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

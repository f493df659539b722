package org.msp.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * A bearer token that fails validation (expired, wrong issuer or audience, bad signature) is refused
 * by the security layer before any resource runs, so the REST exception mappers never see it. This
 * failure handler gives that 401 the same problem+json body and Bearer challenge as every other one.
 */
@ApplicationScoped
public class AuthenticationProblems {
    private final ObjectMapper mapper;

    public AuthenticationProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().failureHandler(context -> {
            if (!(context.failure() instanceof AuthenticationFailedException) || context.response().ended()) {
                context.next();
                return;
            }
            Problem problem = new Problem("https://msp-pipeline.org/problems/401", "Unauthorized", 401,
                    "the bearer token is not valid for the msp realm (expired, wrongly signed, or for another"
                            + " issuer or audience)", context.request().path(), List.of());
            String body;
            try {
                body = mapper.writeValueAsString(problem);
            } catch (JsonProcessingException e) {
                body = "{\"status\":401,\"title\":\"Unauthorized\"}";
            }
            context.response().setStatusCode(401)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("WWW-Authenticate", "Bearer realm=\"msp\", error=\"invalid_token\"")
                    .end(body);
        });
    }
}

package org.msp.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Public URLs this service hands out: its own (feed self link) and each project's page. */
@ApplicationScoped
public class PublicLinks {
    private final String baseUrl;
    private final String projectUrlTemplate;

    public PublicLinks(@ConfigProperty(name = "msp.public-base-url") String baseUrl,
            @ConfigProperty(name = "msp.public-project-url") String projectUrlTemplate) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.projectUrlTemplate = projectUrlTemplate;
    }

    /** e.g. http://localhost:8081/api/v1/projects/{projectId} with the id filled in. */
    public String project(String projectId) {
        return projectUrlTemplate.replace("{projectId}",
                URLEncoder.encode(projectId, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** An absolute URL of this service for {@code path} (which starts with /). */
    public String self(String path) {
        return baseUrl + path;
    }
}

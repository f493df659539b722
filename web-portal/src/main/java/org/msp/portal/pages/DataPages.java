package org.msp.portal.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.msp.portal.services.ProjectsApi;
import org.msp.portal.services.ReviewsApi;
import org.msp.portal.web.PartUnavailable;

import java.util.List;

/**
 * The open data for re-users (SPEC §10): every download with its format, size, SHA-256 and licence, as
 * project-service's data package states them, and the feeds that keep a copy up to date. The links go
 * straight to the services, as documents' do: the portal does not relay bulk files. The last week's daily
 * archives are listed too, each citable by its date and SHA-256, and esg-review-service's own package (the
 * review items), which the page shows without when that service is down.
 */
@Path("/data")
@Produces(MediaType.TEXT_HTML)
public class DataPages {
    static final int RECENT_ARCHIVES = 7;

    @Inject
    @RestClient
    ProjectsApi projects;
    @Inject
    @RestClient
    ReviewsApi reviews;
    @Inject
    Pages pages;
    @ConfigProperty(name = "portal.public-project-api-url")
    String apiUrl;
    @ConfigProperty(name = "portal.public-review-api-url")
    String reviewApiUrl;
    @ConfigProperty(name = "portal.public-feed-url")
    String feedUrl;

    @CheckedTemplate(basePath = "DataPages")
    static class Templates {
        static native TemplateInstance data(ProjectsApi.DataPackage dataPackage, ProjectsApi.DataPackage reviewPackage,
                List<ProjectsApi.BulkArchive> archives, String downloads, String reviewDownloads, String feedUrl,
                String feedsBase);
    }

    @GET
    public TemplateInstance page() {
        // the notification-service API root, from the feed's public address (…/api/v1/feed.atom)
        String feedsBase = feedUrl.substring(0, feedUrl.lastIndexOf('/'));
        List<ProjectsApi.BulkArchive> archives = projects.bulkArchives().archives();
        // a week is what a visitor browses; the JSON listing behind the link has every day
        return pages.localised(Templates.data(projects.dataPackage(), reviewPackage(),
                archives.subList(0, Math.min(RECENT_ARCHIVES, archives.size())), apiUrl + "/open-data/", reviewApiUrl + "/open-data/", feedUrl,
                feedsBase));
    }

    /** esg-review-service's package, or null while it is down: the rest of the page does not depend on it. */
    private ProjectsApi.DataPackage reviewPackage() {
        try {
            return reviews.dataPackage();
        } catch (PartUnavailable e) {
            return null;
        }
    }
}

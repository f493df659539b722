package org.msp.project.opendata;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.msp.platform.api.ProblemException;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The open-data exports (SPEC §10), for re-users who work with the standards' tools rather than our
 * paged JSON: anyone may download them, under the licence each names and the {@code Link} header
 * repeats. Each has an ETag that moves with any change, so a re-user's nightly fetch of an unchanged
 * platform costs a 304; the exports stream, so their size is not held in memory.
 */
@Path("/open-data")
@PermitAll
public class OpenDataResource {
    private final PublicProjects projects;
    private final Oc4ids oc4ids;
    private final IatiActivities iati;
    private final CsvExports csv;
    private final DataPackage datapackages;
    private final BulkArchives archives;
    private final OpenDataSettings settings;

    public OpenDataResource(PublicProjects projects, Oc4ids oc4ids, IatiActivities iati, CsvExports csv,
            DataPackage datapackages, BulkArchives archives, OpenDataSettings settings) {
        this.archives = archives;
        this.projects = projects;
        this.oc4ids = oc4ids;
        this.iati = iati;
        this.csv = csv;
        this.datapackages = datapackages;
        this.settings = settings;
    }

    /** Every public project as one OC4IDS project package. */
    @GET
    @Path("/oc4ids.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response oc4idsPackage(@Context Request request) {
        PublicProjects.Version version = projects.version();
        StreamingOutput body = out -> oc4ids.writePackage(projects, url("oc4ids.json"), version.lastChange(), out);
        return conditional(request, version.etag("oc4ids"), () -> Response.ok(body, MediaType.APPLICATION_JSON_TYPE));
    }

    /** Every public project as an IATI 2.03 activity file. */
    @GET
    @Path("/iati-activities.xml")
    @Produces(MediaType.APPLICATION_XML)
    public Response iatiActivities(@Context Request request) {
        PublicProjects.Version version = projects.version();
        StreamingOutput body = out -> iati.write(projects, version.lastChange(), out);
        return conditional(request, version.etag("iati"), () -> Response.ok(body, MediaType.APPLICATION_XML_TYPE));
    }

    /** One entity as CSV (see {@link CsvExports#RESOURCES}). */
    @GET
    @Path("/{name}.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("name") String name, @Context Request request) {
        CsvExports.Resource resource = CsvExports.resource(name);
        if (resource == null) {
            throw ProblemException.notFound("CSV export " + name + " (there are " + CsvExports.RESOURCES.stream()
                    .map(CsvExports.Resource::name).toList() + ")");
        }
        StreamingOutput body = out -> csv.write(resource, out);
        return conditional(request, projects.version().etag("csv-" + name), () -> Response.ok(body,
                "text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + name + ".csv\""));
    }

    /**
     * A Frictionless data package describing every export: each CSV with its table schema, and each file
     * with its size and SHA-256 as it stands now (the same bytes its download gives until the data changes).
     */
    @GET
    @Path("/datapackage.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response datapackage(@Context Request request) {
        PublicProjects.Version version = projects.version();
        return conditional(request, version.etag("datapackage"), () -> Response.ok(describe(version),
                MediaType.APPLICATION_JSON_TYPE));
    }

    private Object describe(PublicProjects.Version version) {
        try {
            return datapackages.describe(version, this::url);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The daily bulk archives, newest first, each with its size and SHA-256 (today's is made if missing). */
    @GET
    @Path("/bulk")
    @Produces(MediaType.APPLICATION_JSON)
    public Response bulkArchives() {
        archives.today();
        var list = archives.list().stream().map(a -> Map.of("day", a.day().toString(),
                "file", a.fileName(), "url", url("bulk/" + a.day() + ".zip"),
                "manifest", url("bulk/" + a.day() + "/manifest.json"), "bytes", a.sizeBytes(),
                "sha256", a.sha256(), "dataAsOf", Oc4ids.rfc3339(a.dataAsOf()))).toList();
        return licensed(Response.ok(Map.of("license", settings.licence(), "archives", list),
                MediaType.APPLICATION_JSON_TYPE));
    }

    /**
     * One day's archive: never changed once made, so it may be cached for good. Today's is made on the first
     * request of the day if the scheduled pass has not made it yet; an earlier day without one is a 404.
     */
    @GET
    @Path("/bulk/{day}.zip")
    @Produces("application/zip")
    public Response bulkArchive(@PathParam("day") String day, @Context Request request) {
        BulkArchives.Archive archive = archiveOf(day);
        EntityTag tag = new EntityTag(archive.sha256());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response = notModified != null ? notModified
                : Response.ok((StreamingOutput) out -> archives.copy(archive.day(), archive.sizeBytes(), out),
                                "application/zip")
                        .header("Content-Length", archive.sizeBytes())
                        .header("Content-Disposition", "attachment; filename=\"" + archive.fileName() + "\"")
                        // RFC 9530: a client can check the download without trusting the listing
                        .header("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                                .encodeToString(HexFormat.of().parseHex(archive.sha256())) + ":");
        return response.tag(tag).header("Link", "<" + settings.licence() + ">; rel=\"license\"")
                .header("Cache-Control", "public, max-age=31536000, immutable").build();
    }

    /** The manifest inside a day's archive: every file's path, size and SHA-256. */
    @GET
    @Path("/bulk/{day}/manifest.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response bulkManifest(@PathParam("day") String day) {
        return licensed(Response.ok(archiveOf(day).manifest(), MediaType.APPLICATION_JSON_TYPE));
    }

    private BulkArchives.Archive archiveOf(String day) {
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("day", "must be a date as 2026-12-02, not " + day);
        }
        if (date.equals(LocalDate.now(ZoneOffset.UTC))) {
            return archives.today();
        }
        return archives.find(date).orElseThrow(() -> ProblemException.notFound("open-data archive of " + day));
    }

    /** One project as an OC4IDS project package of one. */
    @GET
    @Path("/oc4ids/{id}.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response oc4idsProject(@PathParam("id") UUID id, @Context Request request) {
        PublicProjects.Project project = projects.one(id);
        if (project == null) {
            throw ProblemException.notFound("public project " + id);
        }
        EntityTag tag = new EntityTag("oc4ids-" + id + "-" + project.proposal().historyLength());
        String uri = url("oc4ids/" + id + ".json");
        return conditional(request, tag, () -> Response.ok(oc4ids.packageOf(project, uri,
                project.proposal().updatedAt()), MediaType.APPLICATION_JSON_TYPE));
    }

    /** What is published, when, under which licence, and how a correction shows (the package's publicationPolicy). */
    @GET
    @Path("/publication-policy")
    @Produces(MediaType.TEXT_PLAIN)
    public Response publicationPolicy() {
        return licensed(Response.ok("""
                Publication policy of the MSP pipeline platform's open data

                What: every project once its submitting partner submits it (drafts are private), with its ESG
                review, conditions and action plan, documents (with their SHA-256), support, ranking, the host
                government's statement and every step of its hash-chained history.
                When: at once. The exports are generated on demand from the live records; their ETag changes
                with any change, and publishedDate says when the data last changed (so the same data always
                gives the same bytes, and the SHA-256 in datapackage.json holds for a download).
                Licence: %s (attribute the platform's secretariat).
                Corrections: nothing is edited in place. A change is a new history entry; a document is
                replaced by a new version that supersedes it; both stay visible.
                Identifiers: OC4IDS project ids are %s-<project id>.
                """.formatted(settings.licence(), settings.oc4idsPrefix()), MediaType.TEXT_PLAIN_TYPE));
    }

    private String url(String file) {
        return settings.publicBaseUrl() + "/api/v1/open-data/" + file;
    }

    private Response licensed(Response.ResponseBuilder response) {
        return response.header("Link", "<" + settings.licence() + ">; rel=\"license\"")
                .header("Cache-Control", "public, no-cache").build();
    }

    /** 304 when {@code If-None-Match} names this version (JAX-RS decides), else the body; licensed either way. */
    private Response conditional(Request request, EntityTag tag, Supplier<Response.ResponseBuilder> body) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        return licensed((notModified != null ? notModified : body.get()).tag(tag));
    }
}

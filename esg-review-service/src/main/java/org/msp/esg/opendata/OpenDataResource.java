package org.msp.esg.opendata;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;

/**
 * The review items as open data (SPEC §10), for re-users who work in spreadsheets and data tools rather than
 * our paged JSON: anyone may download them, under the licence the {@code Link} header names. The ETag moves
 * with any change, so a nightly fetch of an unchanged platform costs a 304; the CSV streams, so its size is
 * not held in memory.
 */
@Path("/open-data")
@PermitAll
public class OpenDataResource {
    private final CompletedReviews reviews;
    private final ReviewItemsCsv csv;
    private final DataPackage datapackages;
    private final OpenDataSettings settings;

    public OpenDataResource(CompletedReviews reviews, ReviewItemsCsv csv, DataPackage datapackages,
            OpenDataSettings settings) {
        this.reviews = reviews;
        this.csv = csv;
        this.datapackages = datapackages;
        this.settings = settings;
    }

    /** Every checklist item of every completed review, one row each (see {@link ReviewItemsCsv#COLUMNS}). */
    @GET
    @Path("/review-items.csv")
    @Produces("text/csv")
    public Response reviewItems(@Context Request request) {
        EntityTag tag = reviews.version().etag(ReviewItemsCsv.NAME);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return licensed(notModified.tag(tag));
        }
        StreamingOutput body = csv::write;
        return licensed(Response.ok(body, "text/csv; charset=utf-8").tag(tag)
                .header("Content-Disposition", "attachment; filename=\"" + ReviewItemsCsv.NAME + ".csv\""));
    }

    /**
     * A Frictionless data package describing review-items.csv: its table schema, and its size and SHA-256 as
     * it stands now (the same bytes its download gives until the data changes).
     */
    @GET
    @Path("/datapackage.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response datapackage(@Context Request request) throws IOException {
        CompletedReviews.Version version = reviews.version();
        EntityTag tag = version.etag("datapackage");
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return licensed(notModified.tag(tag));
        }
        DataPackage.Described described = datapackages.describe(version);
        return licensed(Response.ok(described.descriptor(), MediaType.APPLICATION_JSON_TYPE)
                .tag(described.version().etag("datapackage")));
    }

    private Response licensed(Response.ResponseBuilder response) {
        return response.header("Link", "<" + settings.licence() + ">; rel=\"license\"")
                .header("Cache-Control", "public, no-cache").build();
    }
}

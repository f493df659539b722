package org.msp.esg.opendata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.msp.platform.opendata.MeasuringOutputStream;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Frictionless data package (datapackage.json) of the review items: review-items.csv with its table
 * schema, size and SHA-256. The file is generated once more into a digest to measure it (nothing is kept):
 * the same data gives the same bytes, so the hash holds for a download until the data changes, which the
 * ETag tells.
 */
@ApplicationScoped
public class DataPackage {
    /** A package as described for one version of the data. */
    public record Described(CompletedReviews.Version version, ObjectNode descriptor) {
    }

    /** A version that moves while the file is measured is measured again, a few times at most. */
    private static final int ATTEMPTS = 3;

    private final ObjectMapper mapper;
    private final CompletedReviews reviews;
    private final ReviewItemsCsv csv;
    private final OpenDataSettings settings;

    /** The last description: measuring the file again is only needed after a change. */
    private final AtomicReference<Described> last = new AtomicReference<>();

    public DataPackage(ObjectMapper mapper, CompletedReviews reviews, ReviewItemsCsv csv, OpenDataSettings settings) {
        this.mapper = mapper;
        this.reviews = reviews;
        this.csv = csv;
        this.settings = settings;
    }

    /**
     * The package of the live download as of {@code version} (the caller's, read before). A review completed
     * while the file was being measured would make the hash describe newer data than the version says, so
     * such a measure is taken again for the newer version and returned with it.
     */
    public Described describe(CompletedReviews.Version version) throws IOException {
        CompletedReviews.Version asked = version;
        for (int attempt = 1; ; attempt++) {
            Described cached = last.get();
            if (cached != null && cached.version().equals(asked)) {
                return cached;
            }
            Measured measured = measure();
            CompletedReviews.Version after = reviews.version();
            Described described = new Described(asked, descriptor(asked, measured));
            if (after.equals(asked)) {
                last.set(described);
                return described;
            }
            if (attempt == ATTEMPTS) {
                return described;
            }
            asked = after;
        }
    }

    private ObjectNode descriptor(CompletedReviews.Version version, Measured measured) {
        ObjectNode pkg = mapper.createObjectNode();
        pkg.put("profile", "tabular-data-package");
        pkg.put("name", "msp-esg-reviews");
        pkg.put("title", "MSP pipeline platform: ESG due-diligence reviews, item by item");
        if (version.lastCompletion() != null) {
            pkg.put("created", version.lastCompletion().toInstant().toString());
        }
        pkg.putArray("licenses").addObject().put("name", "CC-BY-4.0").put("path", settings.licence())
                .put("title", "Creative Commons Attribution 4.0");
        ObjectNode r = pkg.putArray("resources").addObject().put("name", ReviewItemsCsv.NAME)
                .put("path", settings.publicBaseUrl() + "/api/v1/open-data/" + ReviewItemsCsv.NAME + ".csv")
                .put("profile", "tabular-data-resource").put("description", ReviewItemsCsv.DESCRIPTION)
                .put("format", "csv").put("mediatype", "text/csv").put("encoding", "utf-8")
                .put("bytes", measured.bytes()).put("hash", "sha256:" + measured.sha256());
        ObjectNode schema = r.putObject("schema");
        ArrayNode fields = schema.putArray("fields");
        for (ReviewItemsCsv.Column column : ReviewItemsCsv.COLUMNS) {
            ObjectNode field = fields.addObject().put("name", column.name()).put("type", column.type())
                    .put("description", column.description());
            if (!column.values().isEmpty()) {
                column.values().forEach(field.putObject("constraints").putArray("enum")::add);
            }
        }
        schema.putArray("primaryKey").add("review_id").add("item_code");
        return pkg;
    }

    private record Measured(long bytes, String sha256) {
    }

    private Measured measure() throws IOException {
        MeasuringOutputStream measuring = MeasuringOutputStream.discarding();
        csv.write(measuring);
        measuring.flush();
        return new Measured(measuring.bytes(), measuring.sha256());
    }
}

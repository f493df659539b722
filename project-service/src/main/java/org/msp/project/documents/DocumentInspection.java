package org.msp.project.documents;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.msp.platform.api.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;

/**
 * What an uploaded file really is, judged from its bytes (Apache Tika's detectors), never from the
 * name or the Content-Type the uploader sent; only the types of {@link #ALLOWED} are kept. A zip-based
 * office document is also opened entry by entry so that a "zip bomb" (a small file that inflates to
 * gigabytes for whoever opens it) is refused before anyone downloads it.
 */
@ApplicationScoped
public class DocumentInspection {
    /** The allow-list of SPEC §9: PDF, ODF and OOXML documents, CSV, PNG and JPEG, GeoJSON. */
    static final Set<String> ALLOWED = Set.of("application/pdf",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "text/csv", "image/png", "image/jpeg", "application/geo+json");
    /** OOXML is named by Tika from the zip's file name; its package must then really be one. */
    private static final Map<String, String> OOXML_PART = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", "ppt/");
    private static final Set<String> GEOJSON_TYPES = Set.of("FeatureCollection", "Feature", "Point", "MultiPoint",
            "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection");

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();
    private final long maxInflatedBytes;
    private final int maxInflationRatio;

    public DocumentInspection(@ConfigProperty(name = "msp.documents.max-inflated-size") io.quarkus.runtime.configuration.MemorySize maxInflated,
            @ConfigProperty(name = "msp.documents.max-inflation-ratio") int maxInflationRatio) {
        this.maxInflatedBytes = maxInflated.asLongValue();
        this.maxInflationRatio = maxInflationRatio;
    }

    /** The media type of the file at {@code path}; a 400 naming {@code file} when it may not be stored. */
    public String mediaTypeOf(Path path, String fileName) {
        String detected;
        try (TikaInputStream in = TikaInputStream.get(path)) {
            Metadata metadata = new Metadata();
            if (fileName != null) {
                // a hint Tika uses only where the bytes leave the choice open (CSV is plain text by its bytes)
                metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
            }
            detected = detector.detect(in, metadata).getBaseType().toString();
        } catch (IOException e) {
            throw ProblemException.badRequest("file", "the file could not be read: " + e.getMessage());
        }
        if (("text/plain".equals(detected) || "application/json".equals(detected)) && isGeoJson(path)) {
            return "application/geo+json";
        }
        if (!ALLOWED.contains(detected)) {
            throw ProblemException.badRequest("file", "a file of type " + detected + " cannot be published; allowed: "
                    + "PDF, OpenDocument and Office Open XML documents, CSV, PNG, JPEG, GeoJSON");
        }
        if (detected.startsWith("application/vnd.o")) {
            inspectPackage(path, detected);
        }
        return detected;
    }

    /** Opens every entry of an ODF or OOXML package, counting inflated bytes against the limits. */
    private void inspectPackage(Path path, String mediaType) {
        long compressed;
        long inflated = 0;
        boolean contentTypes = false;
        boolean mainPart = false;
        String part = OOXML_PART.get(mediaType);
        try (ZipFile zip = ZipFile.builder().setPath(path).get()) {
            compressed = Math.max(1, Files.size(path));
            byte[] buffer = new byte[64 * 1024];
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                contentTypes |= "[Content_Types].xml".equals(entry.getName());
                mainPart |= part != null && entry.getName().startsWith(part);
                try (InputStream in = zip.getInputStream(entry)) {
                    // the declared sizes can lie: count what really comes out
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        inflated += read;
                        if (inflated > maxInflatedBytes || inflated / compressed > maxInflationRatio) {
                            throw ProblemException.badRequest("file", "the package inflates to more than "
                                    + (inflated > maxInflatedBytes ? maxInflatedBytes + " bytes" : maxInflationRatio
                                    + " times its size") + " (a zip bomb?); it cannot be published");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("file", "the package is not a readable zip: " + e.getMessage());
        }
        if (part != null && !(contentTypes && mainPart)) {
            throw ProblemException.badRequest("file", "the file is named as an Office Open XML document but its "
                    + "package has no " + (contentTypes ? part : "[Content_Types].xml") + " part");
        }
    }

    /** A JSON object whose "type" is a GeoJSON type (RFC 7946), read as a stream. */
    private static boolean isGeoJson(Path path) {
        try (JsonParser parser = new JsonFactory().createParser(path.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(field)) {
                    return value == JsonToken.VALUE_STRING && GEOJSON_TYPES.contains(parser.getText());
                }
                parser.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}

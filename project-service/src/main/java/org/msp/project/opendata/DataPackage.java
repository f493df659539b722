package org.msp.project.opendata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * The Frictionless data package (datapackage.json) of the open data: every CSV with its table schema,
 * the OC4IDS package and the IATI file, each with its size and SHA-256. The files are generated once
 * more into a digest to measure them (nothing is kept): the same data gives the same bytes, so the hash
 * holds for a download until the data changes, which the ETag tells.
 */
@ApplicationScoped
public class DataPackage {
    /** Writes a file's bytes somewhere. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final ObjectMapper mapper;
    private final PublicProjects projects;
    private final CsvExports csv;
    private final Oc4ids oc4ids;
    private final IatiActivities iati;
    private final OpenDataSettings settings;

    public DataPackage(ObjectMapper mapper, PublicProjects projects, CsvExports csv, Oc4ids oc4ids, IatiActivities iati,
            OpenDataSettings settings) {
        this.mapper = mapper;
        this.projects = projects;
        this.csv = csv;
        this.oc4ids = oc4ids;
        this.iati = iati;
        this.settings = settings;
    }

    /** The last description and the version it describes: measuring every file again is only needed after a change. */
    private final java.util.concurrent.atomic.AtomicReference<java.util.Map.Entry<PublicProjects.Version, ObjectNode>>
            last = new java.util.concurrent.atomic.AtomicReference<>();

    public ObjectNode describe(PublicProjects.Version version, Function<String, String> url) throws IOException {
        var cached = last.get();
        if (cached != null && cached.getKey().equals(version)) {
            return cached.getValue();
        }
        ObjectNode pkg = measure(version, url);
        last.set(java.util.Map.entry(version, pkg));
        return pkg;
    }

    private ObjectNode measure(PublicProjects.Version version, Function<String, String> url) throws IOException {
        ObjectNode pkg = mapper.createObjectNode();
        pkg.put("profile", "data-package");
        pkg.put("name", "msp-pipeline");
        pkg.put("title", "MSP pipeline platform: projects, reviews, support, financing and their history");
        pkg.put("created", Oc4ids.rfc3339(version.lastChange()));
        pkg.putArray("licenses").addObject().put("name", "CC-BY-4.0").put("path", settings.licence())
                .put("title", "Creative Commons Attribution 4.0");
        ArrayNode resources = pkg.putArray("resources");
        for (CsvExports.Resource resource : CsvExports.RESOURCES) {
            ObjectNode r = file(resources, resource.name(), url.apply(resource.name() + ".csv"), "csv", "text/csv",
                    out -> csv.write(resource, out));
            r.put("profile", "tabular-data-resource").put("description", resource.description());
            ArrayNode fields = r.putObject("schema").putArray("fields");
            resource.columns().forEach(c -> fields.addObject().put("name", c.name()).put("type", c.type()));
        }
        file(resources, "oc4ids", url.apply("oc4ids.json"), "json", "application/json",
                out -> oc4ids.writePackage(projects, url.apply("oc4ids.json"), version.lastChange(), out));
        file(resources, "iati-activities", url.apply("iati-activities.xml"), "xml", "application/xml",
                out -> iati.write(projects, version.lastChange(), out));
        return pkg;
    }

    private ObjectNode file(ArrayNode resources, String name, String path, String format, String mediaType,
            Content content) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        Counting counted = new Counting();
        try (DigestOutputStream out = new DigestOutputStream(counted, sha256)) {
            content.writeTo(out);
        }
        return resources.addObject().put("name", name).put("path", path).put("format", format)
                .put("mediatype", mediaType).put("encoding", "utf-8").put("bytes", counted.bytes)
                .put("hash", "sha256:" + HexFormat.of().formatHex(sha256.digest()));
    }

    /** Counts what is written and keeps none of it. */
    private static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}

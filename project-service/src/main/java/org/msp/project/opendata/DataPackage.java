package org.msp.project.opendata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import org.msp.platform.opendata.MeasuringOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The Frictionless data package (datapackage.json) of the open data: every CSV with its table schema,
 * the OC4IDS package and the IATI file, each with its size and SHA-256. The files are generated once
 * more into a digest to measure them (nothing is kept): the same data gives the same bytes, so the hash
 * holds for a download until the data changes, which the ETag tells. The daily bulk archive measures the
 * same files as it writes them into its zip.
 */
@ApplicationScoped
public class DataPackage {
    /** Writes a file's bytes somewhere. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** One published file: its resource name, its file name, its format, and how to write it. */
    record File(String name, String fileName, String format, String mediaType, CsvExports.Resource csv,
            Content content) {
    }

    /** What writing a file measured. */
    record Measured(File file, long bytes, String sha256) {
    }

    private final ObjectMapper mapper;
    private final PublicProjects projects;
    private final CsvExports csv;
    private final Oc4ids oc4ids;
    private final IatiActivities iati;
    private final OpenDataSettings settings;

    /** The last description and the version it describes: measuring every file again is only needed after a change. */
    private final AtomicReference<Map.Entry<PublicProjects.Version, ObjectNode>> last = new AtomicReference<>();

    public DataPackage(ObjectMapper mapper, PublicProjects projects, CsvExports csv, Oc4ids oc4ids, IatiActivities iati,
            OpenDataSettings settings) {
        this.mapper = mapper;
        this.projects = projects;
        this.csv = csv;
        this.oc4ids = oc4ids;
        this.iati = iati;
        this.settings = settings;
    }

    /** Every published file, as its download at {@code url} gives it. */
    List<File> files(PublicProjects.Version version, Function<String, String> url) {
        List<File> files = new ArrayList<>();
        for (CsvExports.Resource resource : CsvExports.RESOURCES) {
            files.add(new File(resource.name(), resource.name() + ".csv", "csv", "text/csv", resource,
                    out -> csv.write(resource, out)));
        }
        files.add(new File("oc4ids", "oc4ids.json", "json", "application/json", null,
                out -> oc4ids.writePackage(projects, url.apply("oc4ids.json"), version.lastChange(), out)));
        files.add(new File("iati-activities", "iati-activities.xml", "xml", "application/xml", null,
                out -> iati.write(projects, version.lastChange(), out)));
        return files;
    }

    /** The package of the live downloads (cached per data version). */
    public ObjectNode describe(PublicProjects.Version version, Function<String, String> url) throws IOException {
        var cached = last.get();
        if (cached != null && cached.getKey().equals(version)) {
            return cached.getValue();
        }
        List<Measured> measured = new ArrayList<>();
        for (File file : files(version, url)) {
            measured.add(measure(file, OutputStream.nullOutputStream()));
        }
        ObjectNode pkg = describe(version, measured, url);
        last.set(Map.entry(version, pkg));
        return pkg;
    }

    /** The package of files already measured, each at {@code path} of its file name. */
    ObjectNode describe(PublicProjects.Version version, List<Measured> files, Function<String, String> path) {
        ObjectNode pkg = mapper.createObjectNode();
        pkg.put("profile", "data-package");
        pkg.put("name", "msp-pipeline");
        pkg.put("title", "MSP pipeline platform: projects, reviews, support, financing and their history");
        pkg.put("created", Oc4ids.rfc3339(version.lastChange()));
        pkg.putArray("licenses").addObject().put("name", "CC-BY-4.0").put("path", settings.licence())
                .put("title", "Creative Commons Attribution 4.0");
        ArrayNode resources = pkg.putArray("resources");
        for (Measured m : files) {
            File f = m.file();
            ObjectNode r = resources.addObject().put("name", f.name()).put("path", path.apply(f.fileName()))
                    .put("format", f.format()).put("mediatype", f.mediaType()).put("encoding", "utf-8")
                    .put("bytes", m.bytes()).put("hash", "sha256:" + m.sha256());
            if (f.csv() != null) {
                r.put("profile", "tabular-data-resource").put("description", f.csv().description());
                ArrayNode fields = r.putObject("schema").putArray("fields");
                f.csv().columns().forEach(c -> fields.addObject().put("name", c.name()).put("type", c.type()));
            }
        }
        return pkg;
    }

    /** Writes {@code file} to {@code out} (left open), measuring its size and SHA-256 on the way. */
    static Measured measure(File file, OutputStream out) throws IOException {
        MeasuringOutputStream measuring = new MeasuringOutputStream(out);
        file.content().writeTo(measuring);
        measuring.flush();
        return new Measured(file, measuring.bytes(), measuring.sha256());
    }
}

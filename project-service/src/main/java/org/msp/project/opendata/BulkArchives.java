package org.msp.project.opendata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.msp.platform.opendata.MeasuringOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The daily bulk archive (SPEC §10): one zip a day of every open-data file as it stood when the day's
 * archive was made, with a manifest of each file's size and SHA-256 and a datapackage.json whose paths
 * are the zip's own. An archive is written once and never changed, so a re-user can cite it by date and
 * hash; the first instance to make a day's archive keeps it (the others' insert does nothing).
 * Kept in PostgreSQL (shared by every instance, backed up with the rest), built through a temporary file
 * and read back in slices, so memory stays flat however large it grows.
 */
@ApplicationScoped
public class BulkArchives {
    private static final Logger LOG = Logger.getLogger(BulkArchives.class);
    /** Read back 1 MiB at a time: bytea is stored uncompressed (EXTERNAL), so a slice reads only its TOAST chunks. */
    static final int SLICE = 1024 * 1024;

    /** One day's archive, without its bytes. */
    public record Archive(LocalDate day, OffsetDateTime dataAsOf, long sizeBytes, String sha256, String manifest) {
        public String fileName() {
            return "msp-open-data-" + day + ".zip";
        }
    }

    private final AgroalDataSource dataSource;
    private final PublicProjects projects;
    private final DataPackage datapackages;
    private final ObjectMapper mapper;
    private final OpenDataSettings settings;
    private final Clock clock = Clock.systemUTC();

    public BulkArchives(AgroalDataSource dataSource, PublicProjects projects, DataPackage datapackages,
            ObjectMapper mapper, OpenDataSettings settings) {
        this.dataSource = dataSource;
        this.projects = projects;
        this.datapackages = datapackages;
        this.mapper = mapper;
        this.settings = settings;
    }

    /** Makes today's archive soon after midnight UTC (and soon after a start on a day without one). */
    @Scheduled(identity = "bulk-archive", cron = "{msp.open-data.bulk.cron}", delayed = "{msp.open-data.bulk.first-check}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void makeToday() {
        try {
            today();
        } catch (RuntimeException e) {
            // the next pass (or the first download of the day) tries again
            LOG.warnf("making today's open-data archive failed, retrying later: %s", e.toString());
        }
    }

    /** Today's archive (UTC), made now if no instance has made it yet. */
    public Archive today() {
        LocalDate day = LocalDate.now(clock);
        return find(day).orElseGet(() -> make(day));
    }

    /** Every archive, newest first. */
    public List<Archive> list() {
        return query("SELECT day, data_as_of, size_bytes, sha256, manifest FROM bulk_archive ORDER BY day DESC", null);
    }

    public Optional<Archive> find(LocalDate day) {
        return query("SELECT day, data_as_of, size_bytes, sha256, manifest FROM bulk_archive WHERE day = ?", day)
                .stream().findFirst();
    }

    /** Copies the zip of {@code day} to {@code out}, a slice at a time. */
    public void copy(LocalDate day, long size, OutputStream out) throws IOException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement slice = connection.prepareStatement(
                     "SELECT substring(content FROM ? FOR ?) FROM bulk_archive WHERE day = ?")) {
            for (int from = 0; from < size; from += SLICE) { // a bytea is at most 1 GB: int offsets do
                slice.setInt(1, from + 1); // SQL counts from 1
                slice.setInt(2, SLICE);
                slice.setObject(3, day);
                try (ResultSet row = slice.executeQuery()) {
                    if (!row.next()) {
                        throw new IOException("the archive of " + day + " is gone");
                    }
                    out.write(row.getBytes(1));
                }
            }
        } catch (SQLException e) {
            throw new IOException("reading the archive of " + day + " failed", e);
        }
    }

    private Archive make(LocalDate day) {
        PublicProjects.Version version = projects.version();
        Path zip = null;
        try {
            zip = Files.createTempFile("msp-open-data-" + day, ".zip");
            String manifest = write(version, day, zip);
            long size = Files.size(zip);
            String sha256 = sha256Of(zip);
            try (InputStream content = Files.newInputStream(zip);
                 Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO bulk_archive (day, data_as_of, "
                         + "size_bytes, sha256, manifest, content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                         + "ON CONFLICT (day) DO NOTHING")) {
                insert.setObject(1, day);
                insert.setObject(2, version.lastChange());
                insert.setLong(3, size);
                insert.setString(4, sha256);
                insert.setString(5, manifest);
                insert.setBinaryStream(6, content, size);
                insert.setObject(7, OffsetDateTime.now(clock));
                if (insert.executeUpdate() == 1) {
                    LOG.infof("made the open-data archive of %s: %d bytes, sha256 %s", day, size, sha256);
                }
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("making the open-data archive of " + day + " failed", e);
        } finally {
            if (zip != null) {
                zip.toFile().delete();
            }
        }
        return find(day).orElseThrow();
    }

    /**
     * Writes every file into the zip, measuring each on the way, then datapackage.json (paths relative to
     * the zip) and manifest.json; returns the manifest. The files' contents are the live downloads' bytes,
     * absolute URLs included.
     */
    private String write(PublicProjects.Version version, LocalDate day, Path zip) throws IOException {
        Function<String, String> url = file -> settings.publicBaseUrl() + "/api/v1/open-data/" + file;
        List<DataPackage.Measured> measured = new ArrayList<>();
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (DataPackage.File file : datapackages.files(version, url)) {
                out.putNextEntry(entry(file.fileName(), version));
                measured.add(DataPackage.measure(file, out));
                out.closeEntry();
            }
            ObjectNode pkg = datapackages.describe(version, measured, Function.identity());
            DataPackage.File described = new DataPackage.File("datapackage", "datapackage.json", "json",
                    "application/json", null, o -> mapper.writerWithDefaultPrettyPrinter().writeValue(o, pkg));
            out.putNextEntry(entry(described.fileName(), version));
            measured.add(DataPackage.measure(described, out));
            out.closeEntry();

            ObjectNode manifest = mapper.createObjectNode();
            manifest.put("archive", "msp-open-data-" + day + ".zip");
            manifest.put("day", day.toString());
            manifest.put("dataAsOf", Oc4ids.rfc3339(version.lastChange()));
            manifest.put("publicProjects", version.projects());
            manifest.put("license", settings.licence());
            manifest.put("publisher", settings.publisherName());
            ArrayNode files = manifest.putArray("files");
            measured.forEach(m -> files.addObject().put("path", m.file().fileName()).put("bytes", m.bytes())
                    .put("sha256", m.sha256()));
            String text = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n";
            out.putNextEntry(entry("manifest.json", version));
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
            return text;
        }
    }

    /** An entry dated when the data last changed, so the zip says what it holds, not when it was zipped. */
    private static ZipEntry entry(String name, PublicProjects.Version version) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(version.lastChange().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        return entry;
    }

    private static String sha256Of(Path file) throws IOException {
        MeasuringOutputStream measuring = MeasuringOutputStream.discarding();
        Files.copy(file, measuring);
        return measuring.sha256();
    }

    private List<Archive> query(String sql, LocalDate day) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            if (day != null) {
                select.setObject(1, day);
            }
            List<Archive> archives = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    archives.add(new Archive(rows.getObject(1, LocalDate.class), rows.getObject(2, OffsetDateTime.class),
                            rows.getLong(3), rows.getString(4), rows.getString(5)));
                }
            }
            return archives;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the open-data archives failed", e);
        }
    }
}

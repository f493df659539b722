package org.msp.bench;

import org.postgresql.PGConnection;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.msp.bench.Bench.log;
import static org.msp.bench.Figures.round1;
import static org.msp.bench.Figures.round2;

/**
 * The open-data exports with {@code bench.exports.projects} (10,000) public projects (issue 19): the time of
 * each whole download and project-service's peak RSS while it streams, against the baseline of PostgreSQL
 * itself writing the same rows with {@code COPY (SELECT …) TO STDOUT}, in ABA order (baseline, export,
 * baseline). The projects are {@code bench.exports.seed} (20) submitted through the API, each with its review,
 * then copied row for row in SQL with new ids until there are enough: the export reads real rows of every
 * table it joins, and seeding takes seconds, not the hour 10,000 submissions through the pipeline would.
 */
final class Exports {
    /** The tables a project's export reads, each with the column that names the project. */
    private static final List<String[]> PROJECT_TABLES = List.of(
            new String[] {"proposal", "id"}, new String[] {"project_history", "project_id"},
            new String[] {"partner_interest", "project_id"}, new String[] {"standing_endorsement", "project_id"},
            new String[] {"action_item", "project_id"}, new String[] {"financing_commitment", "project_id"});

    private final Platform platform;
    private final ApiClient client;
    private final int projects = Integer.getInteger("bench.exports.projects", 10_000);
    private final int seed = Integer.getInteger("bench.exports.seed", 20);

    Exports(Platform platform, ApiClient client) {
        this.platform = platform;
        this.client = client;
    }

    Map<String, Object> measure() throws Exception {
        int before = seedProjects();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("publicProjects", before);
        out.put("historyRows", count("SELECT count(*) FROM project_history"));
        String publicRows = "FROM proposal WHERE status <> 'DRAFT'";
        // each export against COPY of the rows it is made of
        out.put("projects.csv", compare("open-data/projects.csv", List.of("SELECT * " + publicRows + " ORDER BY id")));
        out.put("history.csv", compare("open-data/history.csv", List.of("SELECT h.* FROM project_history h JOIN proposal p "
                + "ON p.id = h.project_id WHERE p.status <> 'DRAFT' ORDER BY h.project_id, h.seq")));
        List<String> everyTable = new ArrayList<>();
        for (String[] table : PROJECT_TABLES) {
            everyTable.add("SELECT t.* FROM " + table[0] + " t JOIN proposal p ON p.id = t." + table[1]
                    + " WHERE p.status <> 'DRAFT'");
        }
        out.put("oc4ids.json", compare("open-data/oc4ids.json", everyTable));
        out.put("iati-activities.xml", compare("open-data/iati-activities.xml", everyTable));
        // measuring every file once after a change (then cached), and making the day's archive
        out.put("datapackage.json (first after a change)", once("open-data/datapackage.json"));
        execute("DELETE FROM bulk_archive"); // the scheduled pass may have archived the data before seeding
        out.put("bulk archive (made on first request)", once("open-data/bulk"));
        Map<String, Object> zip = once("open-data/bulk/" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".zip");
        out.put("bulk archive download", zip);
        out.put("projectServiceIdleRssMb", Machine.rssMb(pid()));
        return out;
    }

    /** Submits the seed projects, waits for their reviews to open, then copies them until there are enough. */
    private int seedProjects() throws Exception {
        String token = client.token("gb-officer");
        for (int i = 0; i < seed; i++) {
            String id = client.createProject(token);
            client.submit(token, id);
        }
        platform.awaitQuiet();
        long existing = count("SELECT count(*) FROM proposal WHERE status <> 'DRAFT'");
        long copies = (projects - existing + existing - 1) / Math.max(existing, 1);
        if (copies > 0) {
            log("   copying " + existing + " public projects " + copies + " times in SQL");
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE bench_copy AS SELECT p.id AS source, gen_random_uuid() AS copy FROM proposal p "
                        + "CROSS JOIN generate_series(1, " + copies + ") WHERE p.status <> 'DRAFT' LIMIT "
                        + (projects - existing));
                for (String[] table : PROJECT_TABLES) {
                    copyRows(c, table[0], table[1]);
                }
            }
        }
        return (int) count("SELECT count(*) FROM proposal WHERE status <> 'DRAFT'");
    }

    /** INSERT … SELECT of {@code table}'s rows of the copied projects under their copies' ids. */
    private static void copyRows(Connection c, String table, String projectColumn) throws Exception {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT column_name, column_default, "
                + "data_type FROM information_schema.columns WHERE table_name = '" + table + "' ORDER BY ordinal_position")) {
            while (rows.next()) {
                String column = rows.getString(1);
                String fallback = rows.getString(2);
                if (fallback != null && fallback.startsWith("nextval(")) {
                    continue; // a serial id: the copy gets its own
                }
                columns.add(column);
                values.add(column.equals(projectColumn) ? "b.copy"
                        : column.equals("commitment_id") ? "gen_random_uuid()" : "t." + column);
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
                    + String.join(", ", values) + " FROM " + table + " t JOIN bench_copy b ON b.source = t." + projectColumn);
        }
    }

    /** Baseline, export, baseline: seconds and bytes of each, and the service's peak RSS during the export. */
    private Map<String, Object> compare(String path, List<String> baselineQueries) throws Exception {
        download(path); // warm-up: the JIT, the pool, PostgreSQL's cache
        copy(baselineQueries);
        long[] baselineA = copy(baselineQueries);
        Map<String, Object> export = once(path);
        long[] baselineB = copy(baselineQueries);
        double baselineSeconds = (baselineA[0] + baselineB[0]) / 2e9;
        Map<String, Object> out = new LinkedHashMap<>(export);
        out.put("copyBaselineSeconds", round2(baselineSeconds));
        out.put("copyBaselineSpreadSeconds", List.of(round2(baselineA[0] / 1e9), round2(baselineB[0] / 1e9)));
        out.put("copyBaselineMb", round1(baselineA[1] / 1e6));
        out.put("ratioToCopy", round1((double) export.get("seconds") / baselineSeconds));
        return out;
    }

    /** One download, timed, with the service's peak RSS sampled every 20 ms while it runs. */
    private Map<String, Object> once(String path) throws Exception {
        long pid = pid();
        Double idle = Machine.rssMb(pid);
        AtomicLong peakKb = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                Double mb = Machine.rssMb(pid);
                if (mb != null) {
                    peakKb.accumulateAndGet((long) (mb * 1024), Math::max);
                }
                Bench.sleep(20);
            }
        }, "rss-sampler");
        sampler.start();
        long t0 = System.nanoTime();
        long bytes;
        try {
            bytes = download(path);
        } finally {
            sampling.set(false);
            sampler.join();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seconds", round2((System.nanoTime() - t0) / 1e9));
        out.put("mb", round1(bytes / 1e6));
        out.put("rssBeforeMb", idle);
        out.put("peakRssMb", round1(peakKb.get() / 1024.0));
        return out;
    }

    private long download(String path) throws Exception {
        HttpResponse<InputStream> r = client.http.send(HttpRequest.newBuilder(URI.create(platform.api(Platform.PROJECTS)
                + "/" + path)).timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = r.body()) {
            long bytes = body.transferTo(OutputStream.nullOutputStream());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
            return bytes;
        }
    }

    /** Nanoseconds and bytes of PostgreSQL writing the rows of every query as CSV to this client. */
    private long[] copy(List<String> queries) throws Exception {
        long t0 = System.nanoTime();
        long bytes = 0;
        try (Connection c = connect()) {
            var copier = c.unwrap(PGConnection.class).getCopyAPI();
            for (String query : queries) {
                CountingSink sink = new CountingSink();
                copier.copyOut("COPY (" + query + ") TO STDOUT WITH (FORMAT csv, HEADER)", sink);
                bytes += sink.bytes;
            }
        }
        return new long[] {System.nanoTime() - t0, bytes};
    }

    private long pid() {
        return platform.services.get(Platform.PROJECTS).pid();
    }

    private long count(String sql) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(platform.jdbc("project"), "postgres", "postgres");
    }

    private static final class CountingSink extends OutputStream {
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

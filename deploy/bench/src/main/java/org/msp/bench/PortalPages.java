package org.msp.bench;

import org.HdrHistogram.Histogram;
import org.msp.infra.Ports;
import org.msp.infra.ServiceProcess;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.msp.bench.Bench.log;

/**
 * How long the portal takes to render a project's page with {@code bench.portal.projects} (1,000) projects in
 * the database (issue 17: p95 at most 50 ms). Each page is the portal's own work plus its seven reads of the
 * services (the project, its history and chain check, its review, interest and endorsements). Timed from the
 * bench on loopback, one request at a time, so the figure is the page's render time, not a queue's.
 */
final class PortalPages {
    private final Platform platform;
    private final ApiClient client;
    private final int projects = Integer.getInteger("bench.portal.projects", 1000);
    private final int requests = Integer.getInteger("bench.portal.requests", 1000);

    PortalPages(Platform platform, ApiClient client) {
        this.platform = platform;
        this.client = client;
    }

    Map<String, Object> measure() throws Exception {
        String portal = startPortal();
        List<String> ids = submittedProjects();
        Random random = new Random(17);
        for (int i = 0; i < 200; i++) { // warm-up: the JIT and the connection pools
            page(portal, ids.get(random.nextInt(ids.size())));
        }
        Histogram micros = Figures.histogram();
        long bytes = 0;
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            bytes += page(portal, ids.get(random.nextInt(ids.size())));
            micros.recordValue((System.nanoTime() - t0) / 1000);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("projectsInDatabase", ids.size());
        out.put("requests", requests);
        out.put("pageMs", Figures.percentiles(micros));
        out.put("meanPageBytes", bytes / requests);
        return out;
    }

    private String startPortal() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String service : Platform.SERVICES) {
            env.put(service.toUpperCase().replace('-', '_') + "_URL", platform.services.get(service).baseUrl());
        }
        ServiceProcess portal = platform.startService("web-portal",
                ServiceProcess.Wiring.withoutBackends(Ports.freePort(), platform.realmUrl(), env), "web-portal.log");
        portal.awaitReady(Duration.ofSeconds(120));
        return "http://localhost:" + portal.port();
    }

    /** The public projects, topped up with submitted ones until there are {@code projects} of them. */
    private List<String> submittedProjects() throws Exception {
        List<String> ids = new ArrayList<>(publicIds());
        int missing = projects - ids.size();
        if (missing > 0) {
            log("   submitting " + missing + " more projects");
            String token = client.token("gb-officer");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<String>> made = new ArrayList<>();
            for (int i = 0; i < missing; i++) {
                made.add(pool.submit(() -> {
                    String id = client.createProject(token);
                    client.submit(token, id);
                    return id;
                }));
            }
            for (Future<String> id : made) {
                ids.add(id.get());
            }
            pool.shutdown();
            platform.awaitQuiet();
        }
        return ids.subList(0, Math.min(ids.size(), Math.max(projects, 1)));
    }

    private List<String> publicIds() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> r = client.http.send(HttpRequest.newBuilder(URI.create(platform.api(Platform.PROJECTS)
                    + "/projects?size=100&page=" + page)).build(), HttpResponse.BodyHandlers.ofString());
            var items = Bench.JSON.readTree(r.body()).path("items");
            items.forEach(item -> ids.add(item.path("id").asText()));
            if (items.size() < 100 || ids.size() >= projects) {
                return ids;
            }
        }
    }

    private long page(String portal, String id) throws Exception {
        HttpResponse<byte[]> r = client.http.send(HttpRequest.newBuilder(URI.create(portal + "/projects/" + id))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the project page of " + id + " answered " + r.statusCode());
        }
        return r.body().length;
    }
}

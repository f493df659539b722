package org.msp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;
import org.msp.events.EventType;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.msp.bench.Bench.log;
import static org.msp.bench.Bench.sleep;
import static org.msp.bench.Figures.histogram;
import static org.msp.bench.Figures.percentiles;
import static org.msp.bench.Figures.round1;
import static org.msp.bench.Figures.round2;
import static org.msp.bench.Platform.NOTIFICATIONS;

/**
 * Stage 3, pipeline latency in an open loop: submissions scheduled by intended start time (so no
 * coordinated omission) at each rate, from the submit's 2xx to the submitted event at a webhook.
 */
final class PipelineLatency {
    final Platform platform;
    final ApiClient client;
    final Settings settings;

    PipelineLatency(Platform platform, ApiClient client, Settings settings) {
        this.platform = platform;
        this.client = client;
        this.settings = settings;
    }

    Map<String, Object> measure() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Webhook webhook = new Webhook()) {
            JsonNode subscription = client.postJson(platform.api(NOTIFICATIONS) + "/subscriptions", null,
                    "{\"channel\":\"WEBHOOK\",\"target\":\"" + webhook.url() + "\",\"filter\":{\"eventTypes\":[\""
                            + EventType.PROJECT_SUBMITTED.type() + "\"]}}", 201);
            String subscriptionId = subscription.get("id").asText();
            String secret = subscription.get("secret").asText();
            try {
                String token = client.token("gb-officer");
                // warm-up: one submission end to end, so the first measured one does not pay for lazy starts
                String warm = client.createProject(token);
                client.submit(token, warm);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!webhook.arrivals.containsKey(warm) && System.nanoTime() < deadline) {
                    sleep(50);
                }
                out.put("warmupDelivered", webhook.arrivals.containsKey(warm));
                Integer highestHeld = null;
                for (int rate : settings.rates) {
                    Map<String, Object> r = openLoop(rate, token, webhook);
                    out.put("r" + rate, r);
                    log("   rate " + rate + "/s: " + r);
                    Object p99 = ((Map<?, ?>) r.get("submit2xxToWebhookMs")).get("p99");
                    if (p99 instanceof Double ms && ms <= 500 && ((Number) r.get("webhooksMissingAfter60s")).longValue() == 0
                            && (highestHeld == null || rate > highestHeld)) {
                        highestHeld = rate;
                    }
                    // each rate starts from an empty pipeline, not from the queue a saturated rate left
                    r.put("quietAfterSeconds", platform.awaitQuiet());
                }
                out.put("highestRateHoldingP99Under500Ms", highestHeld == null ? "none of " + settings.rates : highestHeld);
            } finally {
                HttpResponse<String> deleted = client.http.send(HttpRequest.newBuilder(
                                URI.create(platform.api(NOTIFICATIONS) + "/subscriptions/" + subscriptionId))
                        .header("Authorization", "Bearer " + secret).DELETE().build(), HttpResponse.BodyHandlers.ofString());
                out.put("subscriptionDeleted", deleted.statusCode() == 204);
            }
        }
        return out;
    }

    record Sent(long intended, long submitted, String projectId) {
    }

    Map<String, Object> openLoop(int rate, String token, Webhook webhook) throws Exception {
        int count = rate * settings.rateSeconds;
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(200, Math.max(16, rate * 2)));
        List<Sent> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicLong errors = new AtomicLong();
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (int i = 0; i < count; i++) {
            long intended = start + i * period;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            tasks.add(CompletableFuture.runAsync(() -> {
                try {
                    String id = client.createProject(token);
                    client.submit(token, id);
                    sent.add(new Sent(intended, System.nanoTime(), id));
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }, pool));
        }
        long lastScheduled = System.nanoTime();
        CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        pool.shutdown();
        long submitsDone = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && sent.stream().anyMatch(s -> !webhook.arrivals.containsKey(s.projectId()))) {
            sleep(100);
        }
        Histogram fromSubmit = histogram();
        Histogram fromIntended = histogram();
        long missing = 0;
        for (Sent s : sent) {
            Long arrived = webhook.arrivals.get(s.projectId());
            if (arrived == null) {
                missing++;
                continue;
            }
            fromSubmit.recordValue(Math.max(0, arrived - s.submitted()) / 1000);
            fromIntended.recordValue(Math.max(0, arrived - s.intended()) / 1000);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("targetRatePerSecond", rate);
        out.put("scheduled", count);
        out.put("submitted", sent.size());
        out.put("errors", errors.get());
        out.put("webhooksMissingAfter60s", missing);
        out.put("achievedSubmitRatePerSecond", round2(sent.size() / ((submitsDone - start) / 1e9)));
        out.put("schedulerLagMs", round1((lastScheduled - (start + (count - 1) * period)) / 1e6));
        out.put("submit2xxToWebhookMs", percentiles(fromSubmit));
        out.put("intendedStartToWebhookMs", percentiles(fromIntended));
        return out;
    }
}

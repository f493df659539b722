package org.msp.bench;

import java.util.Map;

/** Renders the benchmark's results map as the Markdown table in results/latest.md and the README. */
final class Report {
    private Report() {
    }

    static String markdown(Map<String, Object> r) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> m = map(r.get("machine"));
        md.append("Measured ").append(r.get("startedAt")).append(" on ").append(m.get("cores")).append(" cores, ")
                .append(m.get("memoryGiB")).append(" GiB, ").append(m.get("jdk")).append(", commit `")
                .append(m.get("gitCommit")).append("`").append("true".equals(String.valueOf(m.get("gitDirty"))) ? " (+ local changes)" : "")
                .append("; load average at start ").append(m.get("loadAverageAtStart"))
                .append(". Shared machine: other builds may have run at the same time, so compare the ratios (measured side by side in this run).")
                .append(" Total run ").append(r.get("totalRunSeconds")).append(" s.")
                .append(" PostgreSQL durability (SHOW on the bench's server): ").append(durability(r)).append(".\n\n");

        md.append("| stage | measure | platform | baseline (same run) | ratio | target |\n");
        md.append("|---|---|---|---|---|---|\n");

        Map<String, Object> s = map(r.get("startup"));
        if (s.containsKey("error")) {
            row(md, "startup", "error", s.get("error"), "", "", "");
        } else if (!s.isEmpty()) {
            row(md, "startup", "whole platform ready (PostgreSQL, Kafka, Keycloak, 4 services)", s.get("platformReadySeconds") + " s",
                    "PostgreSQL " + s.get("postgresqlReadySeconds") + " s, Kafka " + s.get("kafkaReadySeconds")
                            + " s, Keycloak " + s.get("keycloakReadySeconds") + " s", "", "");
            Map<String, Object> par = map(s.get("serviceReadySecondsInParallel"));
            Map<String, Object> rss = map(s.get("serviceIdleRssMbAfterParallelStart"));
            Map<String, Object> alone = map(r.get("startupAlone"));
            for (String name : Platform.SERVICES) {
                Map<String, Object> a = map(alone.get(name));
                String value = "ready " + (a.isEmpty() ? "?" : a.get("readySeconds")) + " s alone ("
                        + par.get(name) + " s with all four in parallel); idle RSS "
                        + (a.isEmpty() ? rss.get(name) : a.get("idleRssMb")) + " MB";
                row(md, "startup", name, value, a.isEmpty() ? "" : "Quarkus 'started in' " + a.get("quarkusStartedInSeconds") + " s",
                        "", "ready ≤ 3 s, RSS ≤ 250 MB");
            }
        }

        Map<String, Object> warm = map(r.get("warmUp"));
        if (!warm.isEmpty()) {
            row(md, "warm-up", "create + submit at concurrency 4 before anything is measured (not a result)",
                    warm.containsKey("error") ? warm.get("error") : warm.get("opsPerSecond") + " projects/s for "
                            + warm.get("stageSeconds") + " s; pipeline caught up " + r.get("quietAfterWarmUpSeconds") + " s later",
                    "", "", "");
        }

        Map<String, Object> w = map(r.get("writePath"));
        if (w.containsKey("error")) {
            row(md, "write path", "error", w.get("error"), "", "", "");
        }
        for (Map.Entry<String, Object> e : w.entrySet()) {
            if (!e.getKey().startsWith("c")) {
                continue;
            }
            Map<String, Object> level = map(e.getValue());
            Map<String, Object> p = map(level.get("platform"));
            Map<String, Object> pg = map(level.get("pgbench"));
            Map<String, Object> op = map(p.get("opLatencyMs"));
            row(md, "write path", "create + submit, concurrency " + p.get("concurrency"),
                    p.get("opsPerSecond") + " projects/s (" + p.get("errors") + " errors); latency p50 " + op.get("p50")
                            + " / p95 " + op.get("p95") + " / p99 " + op.get("p99") + " / max " + op.get("max") + " ms"
                            + "; the whole pipeline caught up " + p.get("pipelineCaughtUpSecondsAfter") + " s later ("
                            + p.get("pipelineSustainedOpsPerSecond") + " projects/s sustained)",
                    "pgbench single-row insert: " + pg.get("tps") + " tps (avg " + pg.get("latencyAvgMs") + " ms)",
                    level.get("ratioProjectsPerSecToPgbenchTps") + " (HTTP requests: " + level.get("ratioHttpRequestsPerSecToPgbenchTps") + ")",
                    "≥ 0.5");
        }

        Map<String, Object> pl = map(r.get("pipelineLatency"));
        if (pl.containsKey("error")) {
            row(md, "pipeline", "error", pl.get("error"), "", "", "");
        }
        for (Map.Entry<String, Object> e : pl.entrySet()) {
            if (!e.getKey().startsWith("r")) {
                continue;
            }
            Map<String, Object> x = map(e.getValue());
            Map<String, Object> fs = map(x.get("submit2xxToWebhookMs"));
            Map<String, Object> fi = map(x.get("intendedStartToWebhookMs"));
            row(md, "pipeline", "open loop " + x.get("targetRatePerSecond") + " submissions/s for "
                            + x.get("scheduled") + " (achieved " + x.get("achievedSubmitRatePerSecond") + "/s)",
                    "submit 2xx → webhook p50 " + fs.get("p50") + " / p95 " + fs.get("p95") + " / p99 " + fs.get("p99")
                            + " / max " + fs.get("max") + " ms; " + x.get("webhooksMissingAfter60s") + " missing, "
                            + x.get("errors") + " errors",
                    "from intended start: p50 " + fi.get("p50") + " / p99 " + fi.get("p99") + " / max " + fi.get("max") + " ms",
                    "", "p50 ≤ 100 ms, p99 ≤ 500 ms at 50/s");
        }
        if (pl.containsKey("highestRateHoldingP99Under500Ms")) {
            row(md, "pipeline", "highest rate tried whose submit 2xx → webhook p99 stayed ≤ 500 ms",
                    pl.get("highestRateHoldingP99Under500Ms") + " submissions/s", "", "", "50/s");
        }

        Map<String, Object> ev = map(r.get("eventThroughput"));
        if (ev.containsKey("error")) {
            row(md, "event throughput", "error", ev.get("error"), "", "", "");
        } else if (!ev.isEmpty()) {
            Map<String, Object> cp = map(ev.get("consumerPerformance"));
            row(md, "event throughput", "notification-service drains " + ev.get("backlogEvents") + " submitted events ("
                            + ev.get("avgEventBytes") + " B) from msp.projects",
                    ev.get("drainRatePerSecond") + " events/s (" + ev.get("drainSeconds") + " s; "
                            + ev.get("secondsFromSpawnToDrained") + " s from process start; complete: " + ev.get("drainComplete") + ")",
                    "ConsumerPerformance: " + cp.get("fetchRecordsPerSecond") + " records/s fetch rate ("
                            + cp.get("recordsPerSecond") + " incl. group join) on " + cp.get("recordsConsumed") + " records",
                    ev.get("ratioToConsumerPerformanceFetchRate"), "≥ 0.25");
            row(md, "event throughput", "backlog written by a Kafka producer (acks=all)", ev.get("produceRatePerSecond") + " events/s",
                    "", "", "");
        }

        Map<String, Object> pp = map(r.get("kafkaProducerPerformance"));
        if (pp.containsKey("error")) {
            row(md, "Kafka baseline", "error", pp.get("error"), "", "", "");
        } else if (!pp.isEmpty()) {
            row(md, "Kafka baseline", "ProducerPerformance " + pp.get("records") + " × 1 KB, acks=all, 3 partitions", "",
                    pp.get("recordsPerSecond") + " records/s (" + pp.get("mbPerSecond") + " MB/s), p50 " + pp.get("p50Ms")
                            + " / p99 " + pp.get("p99Ms") + " ms", "", "");
        }

        Map<String, Object> portal = map(r.get("portalProjectPage"));
        if (portal.containsKey("error")) {
            row(md, "portal", "error", portal.get("error"), "", "", "");
        } else if (!portal.isEmpty()) {
            Map<String, Object> ms = map(portal.get("pageMs"));
            row(md, "portal", "project page, " + portal.get("projectsInDatabase") + " projects in the database, one request at a time",
                    "p50 " + ms.get("p50") + " / p95 " + ms.get("p95") + " / p99 " + ms.get("p99") + " ms ("
                            + portal.get("meanPageBytes") + " bytes)", "", "", "p95 ≤ 50 ms");
        }

        Map<String, Object> up = map(r.get("documentUploads"));
        if (up.containsKey("error")) {
            row(md, "documents", "error", up.get("error"), "", "", "");
        } else if (!up.isEmpty()) {
            row(md, "documents", up.get("documents") + " uploads of " + up.get("documentMb") + " MB, " + up.get("concurrency")
                            + " at a time (multipart, Tika, chunked store, SHA-256, history, outbox)",
                    up.get("platformMbPerSecond") + " MB/s; project-service RSS " + up.get("projectServiceIdleRssMb")
                            + " MB before, peak " + up.get("projectServicePeakRssMb") + " MB",
                    "JDBC INSERT of the same bytes into a bytea table: " + up.get("jdbcBaselineMbPerSecond") + " MB/s (before/after "
                            + up.get("jdbcBaselineSpreadMbPerSecond") + ")", up.get("ratioToBaseline") + " ×", "");
        }

        Map<String, Object> ex = map(r.get("openDataExports"));
        if (ex.containsKey("error")) {
            row(md, "open data", "error", ex.get("error"), "", "", "");
        } else if (!ex.isEmpty()) {
            for (var export : ex.entrySet()) {
                Map<String, Object> e = map(export.getValue());
                if (e.isEmpty()) {
                    continue;
                }
                row(md, "open data", export.getKey() + ", " + ex.get("publicProjects") + " public projects, "
                                + ex.get("historyRows") + " history rows",
                        e.get("seconds") + " s, " + e.get("mb") + " MB; project-service RSS " + e.get("rssBeforeMb")
                                + " MB before, peak " + e.get("peakRssMb") + " MB",
                        e.containsKey("copyBaselineSeconds") ? "COPY (SELECT …) TO STDOUT of its rows: "
                                + e.get("copyBaselineSeconds") + " s, " + e.get("copyBaselineMb") + " MB (before/after "
                                + e.get("copyBaselineSpreadSeconds") + ")" : "",
                        e.containsKey("ratioToCopy") ? e.get("ratioToCopy") + " × slower" : "", "memory flat");
            }
        }
        md.append("\n");
        return md.toString();
    }

    /** synchronous_commit and fsync from the "settings" map, live (Settings.PostgresDurability) or read back from JSON. */
    private static String durability(Map<String, Object> r) {
        Object pg = map(r.get("settings")).get("postgresql");
        if (pg instanceof Map<?, ?> values) {
            return "synchronous_commit=" + values.get("synchronous_commit") + ", fsync=" + values.get("fsync");
        }
        return pg == null ? "not recorded" : String.valueOf(pg);
    }

    private static void row(StringBuilder md, Object... cells) {
        md.append('|');
        for (Object c : cells) {
            md.append(' ').append(c == null ? "—" : String.valueOf(c).replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        md.append('\n');
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}

package org.msp.bench;

import org.msp.infra.ChildProcess;
import org.msp.infra.KafkaBroker;
import org.msp.infra.KeycloakServer;
import org.msp.infra.Ports;
import org.msp.infra.PostgresNode;
import org.msp.infra.ProcessPlatform;
import org.msp.infra.ServiceProcess;
import org.msp.infra.SideBySide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.msp.bench.Bench.log;
import static org.msp.bench.Figures.round2;
import static org.msp.bench.Figures.secondsSince;
import static org.msp.bench.Machine.rssMb;
import static org.msp.bench.Machine.treeRssMb;
import static org.msp.bench.Platform.DATABASES;
import static org.msp.bench.Platform.SERVICES;

/**
 * Stage 1: the whole platform started in parallel as up.sh does (time to ready of each part, idle RSS),
 * then each service restarted alone. Starting is measured, so this stage is what brings the platform up.
 */
final class Startup {
    final Platform platform;

    Startup(Platform platform) {
        this.platform = platform;
    }

    Map<String, Object> inParallel() throws Exception {
        ProcessPlatform.deleteRecursively(platform.work);
        Files.createDirectories(platform.logs);
        long t0 = System.nanoTime();
        List<String> databases = new ArrayList<>(DATABASES.values());
        databases.add("bench");
        Map<String, Object> out = new LinkedHashMap<>();
        CompletableFuture<ChildProcess> pg = SideBySide.supply("postgres", () -> {
            ChildProcess p = PostgresNode.start(platform.pgPort, platform.work.resolve("postgres"), databases,
                    List.of("-Djava.io.tmpdir=" + Platform.mkdirs(platform.work.resolve("tmp"))), platform.work,
                    platform.logs.resolve("postgresql.log"), true, pid -> { });
            out.put("postgresqlReadySeconds", secondsSince(t0));
            return p;
        });
        CompletableFuture<KafkaBroker> broker = SideBySide.supply("kafka", () -> {
            // secured as everywhere the platform runs: its users, ACLs and logins cost what they cost here too
            KafkaBroker k = KafkaBroker.startSecured(platform.work.resolve("kafka"), Ports.freePort(), Ports.freePort(), true);
            out.put("kafkaReadySeconds", secondsSince(t0));
            return k;
        });
        CompletableFuture<KeycloakServer> kc = SideBySide.supply("keycloak", () -> {
            KeycloakServer k = platform.startKeycloak();
            out.put("keycloakReadySeconds", secondsSince(t0));
            return k;
        });
        platform.postgres = pg.join();
        platform.kafka = broker.join();
        String jdbcBase = "jdbc:postgresql://127.0.0.1:" + platform.pgPort + "/";
        Map<String, Object> perService = new LinkedHashMap<>();
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (String name : SERVICES) {
            ServiceProcess.Wiring wiring = new ServiceProcess.Wiring(Ports.freePort(), jdbcBase + DATABASES.get(name),
                    "postgres", "postgres", platform.kafka.bootstrapServers(), platform.realmUrl(), platform.extraEnv(name))
                    .withExtraEnv(platform.kafka.serviceEnvironment(name));
            platform.wirings.put(name, wiring);
            long spawned = System.nanoTime();
            ServiceProcess service = platform.startService(name, wiring, name + ".log");
            starting.add(SideBySide.run(name, () -> {
                service.awaitReady(Duration.ofSeconds(240));
                perService.put(name, round2((System.nanoTime() - spawned) / 1e9));
            }));
        }
        platform.keycloak = kc.join();
        starting.forEach(CompletableFuture::join);
        out.put("platformReadySeconds", secondsSince(t0));
        out.put("serviceReadySecondsInParallel", perService);
        Thread.sleep(5000);
        Map<String, Object> rss = new LinkedHashMap<>();
        for (String name : SERVICES) {
            rss.put(name, rssMb(platform.services.get(name).pid()));
        }
        out.put("serviceIdleRssMbAfterParallelStart", rss);
        out.put("infraRssMb", Map.of("postgresql", treeRssMb(platform.postgres.pid()), "kafka", treeRssMb(platform.kafka.pid()),
                "keycloak", treeRssMb(platform.keycloak.pid())));
        return out;
    }

    /** Each service stopped and started again while the rest stays up: its time to ready and idle RSS alone. */
    Map<String, Object> eachAlone() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : SERVICES) {
            platform.services.get(name).stop();
            long spawned = System.nanoTime();
            ServiceProcess service = platform.startService(name, platform.wirings.get(name), name + "-alone.log");
            service.awaitReady(Duration.ofSeconds(180));
            double ready = round2((System.nanoTime() - spawned) / 1e9);
            Thread.sleep(4000);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("readySeconds", ready);
            one.put("quarkusStartedInSeconds", quarkusStartedIn(service.log()));
            one.put("idleRssMb", rssMb(service.pid()));
            out.put(name, one);
            log("   " + name + " alone: " + one);
        }
        return out;
    }

    static Double quarkusStartedIn(Path log) {
        try {
            Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
            return m.find() ? Double.parseDouble(m.group(1)) : null;
        } catch (IOException e) {
            return null;
        }
    }
}

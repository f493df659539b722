package org.msp.infra;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a re-run of up.sh judges what an earlier run left: by whether a part answers, not by its PID. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LocalPlatformTest {
    private static final Duration GRACE = Duration.ofSeconds(1);

    @TempDir
    Path state;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    /** MSP_INSTANCES: further instances of a service get ports of their own and run the same module. */
    @Test
    void furtherInstancesRunTheSameModuleOnPortsOfTheirOwn() {
        LocalPlatform.Service projects = LocalPlatform.SERVICES.get(0);
        assertEquals(projects, projects.instance(1));
        LocalPlatform.Service second = projects.instance(2);
        assertEquals("project-service-2", second.name());
        assertEquals(8181, second.port());
        assertEquals("project", second.database());
        assertEquals("project-service", second.module());
        assertEquals(8284, LocalPlatform.SERVICES.get(3).instance(3).port());
        assertEquals("notification-service", LocalPlatform.SERVICES.get(3).instance(3).module());
    }

    @Test
    void aLiveProcessWhosePortIsClosedIsNotReadyAndIsStopped() throws Exception {
        Process silent = startProcess();
        recordPid("kafka", silent.pid());
        LocalPlatform platform = new LocalPlatform(state, state);

        LocalPlatform.Earlier earlier = platform.judge("kafka", closedKafkaPort(), GRACE);

        assertFalse(earlier.ready());
        assertTrue(earlier.processRunning());
        assertEquals("was not answering (pid " + silent.pid() + " still running: stopped it)", earlier.reason());
        assertFalse(platform.reuse(earlier), "to be started anew");
        assertTrue(silent.waitFor(30, TimeUnit.SECONDS), "the silent process was stopped");
        assertFalse(Files.exists(pidFile("kafka")));
    }

    @Test
    void aPidFileOfAProcessThatIsGoneIsNotReady() throws Exception {
        Process ended = startProcess();
        ended.destroyForcibly().waitFor();
        recordPid("postgresql", ended.pid());
        LocalPlatform platform = new LocalPlatform(state, state);

        LocalPlatform.Earlier silent = platform.judge("postgresql", () -> false, GRACE);
        assertFalse(silent.ready());
        assertFalse(silent.processRunning());
        assertEquals("; was not answering (pid " + ended.pid() + " gone): restarted", silent.restartedNote());

        LocalPlatform.Earlier answering = platform.judge("postgresql", () -> true, GRACE);
        assertFalse(answering.ready(), "something answers, but no process of ours runs for it (down.sh could not stop it)");
        assertEquals("its process (pid " + ended.pid() + ") is gone, though something still answers", answering.reason());
    }

    @Test
    void aLiveProcessThatAnswersIsReadyAndLeftAlone() throws Exception {
        Process service = startProcess();
        recordPid("project-service", service.pid());
        HttpServer health = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        health.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        health.start();
        try {
            LocalPlatform platform = new LocalPlatform(state, state);
            LocalPlatform.Earlier earlier = platform.judge("project-service", () -> Readiness.answersHttp(
                    "http://127.0.0.1:" + health.getAddress().getPort() + "/q/health/ready"), GRACE);

            assertTrue(earlier.ready());
            assertTrue(platform.reuse(earlier));
            assertTrue(service.isAlive());
            assertTrue(Files.exists(pidFile("project-service")));
        } finally {
            health.stop(0);
        }
    }

    @Test
    void aProcessStartedAfterItsPidFileWasWrittenIsAnotherProgramAndIsNotTouched() throws Exception {
        Process stranger = startProcess();
        recordPid("keycloak", stranger.pid());
        // as after a reboot: the PID in an old file now belongs to something else
        Files.setLastModifiedTime(pidFile("keycloak"), FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        LocalPlatform platform = new LocalPlatform(state, state);

        LocalPlatform.Earlier earlier = platform.judge("keycloak", () -> false, GRACE);

        assertFalse(earlier.processRunning());
        assertFalse(platform.reuse(earlier));
        assertTrue(stranger.isAlive(), "not stopped: it is not ours");
    }

    @Test
    void noPidFileMeansNothingToJudge() {
        LocalPlatform.Earlier earlier = new LocalPlatform(state, state).judge("kafka", () -> true, GRACE);

        assertFalse(earlier.recorded());
        assertEquals("", earlier.restartedNote());
    }

    private BooleanSupplier closedKafkaPort() {
        int port = Ports.freePort();
        return () -> Readiness.answersKafka(port);
    }

    private Process startProcess() throws IOException {
        Process process = new ProcessBuilder("sleep", "300").start();
        processes.add(process);
        return process;
    }

    private void recordPid(String part, long pid) throws IOException {
        Files.createDirectories(pidFile(part).getParent());
        Files.writeString(pidFile(part), pid + "\n");
    }

    private Path pidFile(String part) {
        return state.resolve("run/" + part + ".pid");
    }
}

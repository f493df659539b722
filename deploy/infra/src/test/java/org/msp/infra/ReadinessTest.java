package org.msp.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probes the local run judges its parts by: a port that merely accepts connections is not enough. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ReadinessTest {

    @Test
    void aPortThatAcceptsButNeverAnswersIsNotReady() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = silent.getLocalPort();
            assertTrue(Ports.isListening(port), "the port accepts connections");
            assertFalse(Readiness.answersKafka(port));
            assertFalse(Readiness.answersSql("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "postgres"));
            assertFalse(Readiness.answersHttp("http://127.0.0.1:" + port + "/q/health/ready"));
        }
    }

    @Test
    void aClosedPortIsNotReady() {
        int port = Ports.freePort();
        assertFalse(Readiness.answersKafka(port));
        assertFalse(Readiness.answersSql("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "postgres"));
    }

    @Test
    void aRunningBrokerAnswersAndAStoppedOneDoesNot(@TempDir Path work) {
        KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), Ports.freePort(), Ports.freePort(), true);
        try {
            assertTrue(Readiness.answersKafka(broker.port()));
        } finally {
            broker.stop();
        }
        assertFalse(Readiness.answersKafka(broker.port()));
    }
}

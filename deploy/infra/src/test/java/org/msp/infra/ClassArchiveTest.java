package org.msp.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Instances of one service started together: one writes the missing class archive, the others map it later. */
class ClassArchiveTest {
    @TempDir
    Path quarkusApp;

    @Test
    void onlyTheFirstOfInstancesStartedTogetherWritesTheArchive() {
        Path archive = quarkusApp.resolve("msp-classes.jsa");
        List<String> first = ServiceProcess.classDataSharing(quarkusApp, false);
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off"), first);
        ServiceProcess.ArchiveWriter.claimedBy(archive, ProcessHandle.current().pid()); // a writer that runs
        assertEquals(List.of(), ServiceProcess.classDataSharing(quarkusApp, false));
    }

    @Test
    void aClaimOfAProcessThatIsGoneIsVoid() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(quarkusApp.resolve("msp-classes.jsa.writer"), gone.pid() + "\n");
        assertTrue(ServiceProcess.classDataSharing(quarkusApp, false).get(0).startsWith("-XX:ArchiveClassesAtExit="));
    }

    @Test
    void anArchiveThatExistsIsMappedByEveryInstance() throws IOException {
        Files.writeString(quarkusApp.resolve("msp-classes-tied.jsa"), "archive");
        String mapped = "-XX:SharedArchiveFile=" + quarkusApp.resolve("msp-classes-tied.jsa");
        assertEquals(mapped, ServiceProcess.classDataSharing(quarkusApp, true).get(0));
        assertEquals(mapped, ServiceProcess.classDataSharing(quarkusApp, true).get(0));
    }
}

package org.msp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.msp.bench.Figures.round1;

/** What /proc says about the machine (cores, memory, CPU, load) and about a process's resident memory. */
final class Machine {
    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    m.put("memoryGiB", round1(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0));
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    m.put("cpu", line.substring(line.indexOf(':') + 1).trim());
                    break;
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        m.put("gitCommit", System.getProperty("bench.git.commit", "unknown"));
        m.put("gitDirty", System.getProperty("bench.git.dirty", "unknown"));
        m.put("loadAverageAtStart", loadAverage());
        m.put("note", "shared machine: other builds may run at the same time; compare ratios measured in the same run");
        return m;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static Double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return round1(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone
        }
        return null;
    }

    /** RSS of a process and all its descendants (PostgreSQL's backends, Keycloak's JVM under kc.sh). */
    static Double treeRssMb(long pid) {
        return ProcessHandle.of(pid).map(h -> {
            double sum = 0;
            for (ProcessHandle p : Stream.concat(Stream.of(h), h.descendants()).toList()) {
                Double r = rssMb(p.pid());
                sum += r == null ? 0 : r;
            }
            return round1(sum);
        }).orElse(null);
    }
}

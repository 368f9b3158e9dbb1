package io.mq.benchmarks.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine a run is on: CPU, cores, memory, OS, JDK and the load average, for the report's header. */
public final class MachineInfo {

    private MachineInfo() {
    }

    /** A Markdown bullet list describing this machine now. */
    public static String describe() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return "- CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores available\n"
                + String.format(Locale.ROOT, "- memory: %.1f GiB total%n", os.getTotalMemorySize() / 1073741824.0)
                + "- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + "\n"
                + "- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")\n"
                + "- " + loadAverage() + "\n";
    }

    /** {@code load average (1 min): x.xx}, from /proc/loadavg (1, 5, 15 min) where available. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return "load average (1/5/15 min): " + f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "load average (1 min): %.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}

package io.mq.benchmarks.measure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads this JVM's own resource use: CPU time of the whole process, heap in use, the peak heap since the last
 * {@link #resetPeaks()} (the sum of every heap pool's peak, so slightly above the true simultaneous peak), live and
 * peak thread counts, and (on Linux) resident memory.
 */
public final class JvmUsage {

    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    private final com.sun.management.OperatingSystemMXBean os;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();

    /** Reads the platform MXBeans of this JVM. */
    public JvmUsage() {
        this.os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    }

    /** CPU time of this process, every thread and the JVM's own (GC, JIT) included, in nanoseconds. */
    public long processCpuNanos() {
        return os.getProcessCpuTime();
    }

    /** Heap bytes in use now, garbage not yet collected included. */
    public long heapUsedBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Heap bytes committed now. */
    public long heapCommittedBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }

    /** The sum of each heap pool's peak use since the last {@link #resetPeaks()} (or JVM start). */
    public long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    /** Live threads now. */
    public int liveThreads() {
        return threads.getThreadCount();
    }

    /** The most live threads at once since the last {@link #resetPeaks()} (or JVM start). */
    public int peakThreads() {
        return threads.getPeakThreadCount();
    }

    /** Starts new peak periods for heap pools and threads. */
    public void resetPeaks() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        threads.resetPeakThreadCount();
    }

    /** Resident set size from {@code /proc/self/status} in bytes, or -1 where there is no such file. */
    public long residentBytes() {
        try {
            for (String line : Files.readAllLines(PROC_STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}

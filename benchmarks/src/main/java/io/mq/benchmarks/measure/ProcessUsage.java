package io.mq.benchmarks.measure;

/**
 * What one process used during a time window.
 *
 * @param cpuSeconds   CPU time (all threads, GC and JIT included)
 * @param peakHeapBytes the highest heap use seen
 * @param peakThreads  the most live threads at once
 */
public record ProcessUsage(double cpuSeconds, long peakHeapBytes, int peakThreads) {
}

package io.mq.benchmarks.worker;

import io.mq.benchmarks.measure.JvmUsage;
import io.mq.benchmarks.measure.Latencies;

/** Brackets a workload's measured phase: elapsed and wall-clock time, this JVM's CPU, peak heap and threads. */
final class MeasuredPhase {

    private final JvmUsage usage = new JvmUsage();
    private long startNanos;
    private long startMillis;
    private long startCpu;
    private long endNanos;
    private long endMillis;
    private long endCpu;
    private long peakHeap;
    private int peakThreads;

    /** Starts the phase (and new heap and thread peak periods). */
    void start() {
        usage.resetPeaks();
        startCpu = usage.processCpuNanos();
        startMillis = System.currentTimeMillis();
        startNanos = System.nanoTime();
    }

    /** Ends the phase. */
    void end() {
        endNanos = System.nanoTime();
        endMillis = System.currentTimeMillis();
        endCpu = usage.processCpuNanos();
        peakHeap = usage.peakHeapBytes();
        peakThreads = usage.peakThreads();
    }

    /** The usage this JVM reads about itself. */
    JvmUsage usage() {
        return usage;
    }

    /** The phase's result; {@code latencies} may be null when the workload does not measure latency. */
    WorkerResult result(long records, long payloadBytes, Latencies latencies, long errors, boolean truncated,
            long heapAfterGcBytes, int liveThreads) {
        long p50 = latencies == null ? -1 : latencies.percentile(50);
        long p99 = latencies == null ? -1 : latencies.percentile(99);
        long p999 = latencies == null ? -1 : latencies.percentile(99.9);
        return new WorkerResult(records, payloadBytes, endNanos - startNanos, startMillis, endMillis,
                endCpu - startCpu, peakHeap, peakThreads, p50, p99, p999, errors, truncated, heapAfterGcBytes,
                liveThreads);
    }

    /** The phase's result without latencies or end-of-run snapshots. */
    WorkerResult result(long records, long payloadBytes, Latencies latencies, long errors, boolean truncated) {
        return result(records, payloadBytes, latencies, errors, truncated, -1, -1);
    }
}

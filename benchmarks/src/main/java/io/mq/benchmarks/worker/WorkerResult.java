package io.mq.benchmarks.worker;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a worker reports about its measured phase, printed as one {@value #PREFIX} line on standard output.
 * Latency fields are -1 when the workload does not measure latency; heap/thread fields describe the worker JVM.
 *
 * @param records           records acknowledged (or read) in the measured phase
 * @param payloadBytes      value bytes of those records
 * @param elapsedNanos      length of the measured phase
 * @param windowStartMillis wall-clock start of the measured phase (to read a broker's probe over it)
 * @param windowEndMillis   wall-clock end of the measured phase
 * @param cpuNanos          the worker process's CPU time during the phase
 * @param peakHeapBytes     the worker's peak heap during the phase
 * @param peakThreads       the worker's most live threads during the phase
 * @param p50Nanos          median latency
 * @param p99Nanos          99th percentile latency
 * @param p999Nanos         99.9th percentile latency
 * @param errors            failed sends
 * @param truncated         whether the phase hit its time bound before its record count
 * @param heapAfterGcBytes  heap in use after a full GC at the end ({@code SCALE}), else -1
 * @param liveThreads       live threads at the end ({@code SCALE}), else -1
 */
public record WorkerResult(long records, long payloadBytes, long elapsedNanos, long windowStartMillis,
        long windowEndMillis, long cpuNanos, long peakHeapBytes, int peakThreads, long p50Nanos, long p99Nanos,
        long p999Nanos, long errors, boolean truncated, long heapAfterGcBytes, int liveThreads) {

    /** The start of the result line. */
    public static final String PREFIX = "RESULT ";

    /** The result line. */
    public String toLine() {
        return String.format(Locale.ROOT, PREFIX + "records=%d payloadBytes=%d elapsedNanos=%d windowStartMillis=%d"
                        + " windowEndMillis=%d cpuNanos=%d peakHeapBytes=%d peakThreads=%d p50Nanos=%d p99Nanos=%d"
                        + " p999Nanos=%d errors=%d truncated=%b heapAfterGcBytes=%d liveThreads=%d",
                records, payloadBytes, elapsedNanos, windowStartMillis, windowEndMillis, cpuNanos, peakHeapBytes,
                peakThreads, p50Nanos, p99Nanos, p999Nanos, errors, truncated, heapAfterGcBytes, liveThreads);
    }

    /** Parses a line written by {@link #toLine()}. */
    public static WorkerResult parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a result line: '" + line + "'");
        }
        Map<String, String> f = new HashMap<>();
        for (String pair : line.substring(PREFIX.length()).trim().split(" ")) {
            int eq = pair.indexOf('=');
            f.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new WorkerResult(num(f, "records"), num(f, "payloadBytes"), num(f, "elapsedNanos"),
                num(f, "windowStartMillis"), num(f, "windowEndMillis"), num(f, "cpuNanos"), num(f, "peakHeapBytes"),
                (int) num(f, "peakThreads"), num(f, "p50Nanos"), num(f, "p99Nanos"), num(f, "p999Nanos"),
                num(f, "errors"), Boolean.parseBoolean(f.get("truncated")), num(f, "heapAfterGcBytes"),
                (int) num(f, "liveThreads"));
    }

    private static long num(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("result line lacks " + key);
        }
        return Long.parseLong(value);
    }
}

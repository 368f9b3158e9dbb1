package io.mq.benchmarks.measure;

import java.util.Locale;

/**
 * One line of a probe file: the state of a probed JVM at one instant.
 *
 * @param epochMillis       wall-clock time of the sample
 * @param cpuNanos          process CPU time so far
 * @param heapUsedBytes     heap in use at the sample
 * @param heapPeakBytes     the peak heap use since the previous sample
 * @param threads           live threads, the probe's own excluded
 * @param peakThreads       the most live threads since the previous sample, the probe's own excluded
 * @param residentBytes     resident set size, -1 where unknown
 */
public record ProbeSample(long epochMillis, long cpuNanos, long heapUsedBytes, long heapPeakBytes, int threads,
        int peakThreads, long residentBytes) {

    /** The line written for this sample: space-separated fields in declaration order. */
    public String toLine() {
        return String.format(Locale.ROOT, "%d %d %d %d %d %d %d", epochMillis, cpuNanos, heapUsedBytes, heapPeakBytes,
                threads, peakThreads, residentBytes);
    }

    /** Parses a line written by {@link #toLine()}. */
    public static ProbeSample parse(String line) {
        String[] f = line.trim().split(" ");
        if (f.length != 7) {
            throw new IllegalArgumentException("not a probe sample line: '" + line + "'");
        }
        return new ProbeSample(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                Integer.parseInt(f[4]), Integer.parseInt(f[5]), Long.parseLong(f[6]));
    }
}

package io.mq.benchmarks.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the samples {@link ProbeMain} wrote for one process. */
public final class ProbeLog {

    private final Path file;

    /** The probe file {@code file} (it may not exist yet). */
    public ProbeLog(Path file) {
        this.file = file;
    }

    /** The file the probed JVM writes to. */
    public Path file() {
        return file;
    }

    /** Every complete sample written so far. */
    public List<ProbeSample> samples() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<ProbeSample> samples = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                if (!line.isBlank()) {
                    try {
                        samples.add(ProbeSample.parse(line));
                    } catch (IllegalArgumentException torn) {
                        // the last line may be half written
                    }
                }
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read probe file " + file, e);
        }
    }

    /** The most recent sample, if any. */
    public Optional<ProbeSample> latest() {
        List<ProbeSample> samples = samples();
        return samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(samples.size() - 1));
    }

    /**
     * The process's use over {@code [fromMillis, toMillis]} (wall clock): CPU between the last sample at or before
     * the start and the first at or after the end, peaks over the samples between them. Accurate to one sampling
     * interval at each end.
     *
     * @throws IllegalStateException when there are no samples
     */
    public ProcessUsage usage(long fromMillis, long toMillis) {
        return usage(samples(), fromMillis, toMillis);
    }

    /** {@link #usage(long, long)} over given samples (ordered by time). */
    static ProcessUsage usage(List<ProbeSample> samples, long fromMillis, long toMillis) {
        if (samples.isEmpty()) {
            throw new IllegalStateException("no probe samples");
        }
        int first = 0;
        for (int i = 0; i < samples.size() && samples.get(i).epochMillis() <= fromMillis; i++) {
            first = i;
        }
        int last = samples.size() - 1;
        for (int i = samples.size() - 1; i >= first && samples.get(i).epochMillis() >= toMillis; i--) {
            last = i;
        }
        long peakHeap = 0;
        int peakThreads = 0;
        // a sample's peaks cover the interval ending at it, so the one after the window start is the first to count
        for (int i = Math.min(first + 1, last); i <= last; i++) {
            peakHeap = Math.max(peakHeap, samples.get(i).heapPeakBytes());
            peakThreads = Math.max(peakThreads, samples.get(i).peakThreads());
        }
        double cpu = (samples.get(last).cpuNanos() - samples.get(first).cpuNanos()) / 1e9;
        return new ProcessUsage(cpu, peakHeap, peakThreads);
    }
}

package io.mq.benchmarks.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeLogTest {

    private static ProbeSample sample(long millis, long cpuNanos, long heapPeak, int peakThreads) {
        return new ProbeSample(millis, cpuNanos, heapPeak / 2, heapPeak, peakThreads - 1, peakThreads, 1234);
    }

    @Test
    void sampleLineRoundTrips() {
        ProbeSample sample = new ProbeSample(1, 2, 3, 4, 5, 6, -1);

        assertThat(ProbeSample.parse(sample.toLine())).isEqualTo(sample);
    }

    @Test
    void usageTakesCpuBetweenTheSamplesBracketingTheWindowAndPeaksInside() {
        List<ProbeSample> samples = List.of(
                sample(1000, 0, 900, 90),             // before the window: its peaks are not counted
                sample(1050, 1_000_000_000, 100, 10), // last sample at or before the start
                sample(1100, 1_500_000_000, 300, 12),
                sample(1150, 2_000_000_000L, 200, 14),
                sample(1200, 2_500_000_000L, 100, 11), // first sample at or after the end
                sample(1250, 9_000_000_000L, 999, 99));

        ProcessUsage usage = ProbeLog.usage(samples, 1060, 1190);

        assertThat(usage.cpuSeconds()).isEqualTo(1.5);
        assertThat(usage.peakHeapBytes()).isEqualTo(300);
        assertThat(usage.peakThreads()).isEqualTo(14);
    }

    @Test
    void windowBeyondTheSamplesUsesTheFirstAndLastOnes() {
        List<ProbeSample> samples = List.of(sample(1000, 0, 10, 3), sample(1050, 500_000_000, 20, 4));

        ProcessUsage usage = ProbeLog.usage(samples, 0, 5000);

        assertThat(usage.cpuSeconds()).isEqualTo(0.5);
        assertThat(usage.peakHeapBytes()).isEqualTo(20);
    }

    @Test
    void fileReaderSkipsATornLastLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("probe.log");
        Files.writeString(file, sample(1, 2, 3, 4).toLine() + "\n" + sample(5, 6, 7, 8).toLine() + "\n12 34");

        ProbeLog log = new ProbeLog(file);

        assertThat(log.samples()).hasSize(2);
        assertThat(log.latest()).contains(sample(5, 6, 7, 8));
    }

    @Test
    void usageWithoutSamplesFails(@TempDir Path dir) {
        ProbeLog log = new ProbeLog(dir.resolve("missing.log"));

        assertThat(log.latest()).isEmpty();
        assertThatThrownBy(() -> log.usage(0, 1)).isInstanceOf(IllegalStateException.class);
    }
}

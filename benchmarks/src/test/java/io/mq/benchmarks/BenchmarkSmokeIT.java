package io.mq.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.benchmarks.cases.RunSettings;
import io.mq.benchmarks.cases.Suite;
import io.mq.benchmarks.process.ChildProcesses;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The harness end to end at a tiny size, so the build proves it still works without running a benchmark: two of our
 * brokers in child JVMs (flush sync and async), one worker JVM per run, probes, the report. Asserts what was
 * measured, never how fast.
 */
class BenchmarkSmokeIT {

    @Test
    void tinyDurabilityCaseMeasuresBothSidesPrintsTheTableAndStopsEveryProcess() throws Exception {
        BenchmarkOptions options = new BenchmarkOptions(new RunSettings(0.001, 1, 0),
                List.of(Pattern.compile("^durability\\.1-producer$")), false, false, Optional.empty());
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        boolean ok = BenchmarkMain.run(options, Suite.matching(options.cases()),
                new PrintStream(output, true, StandardCharsets.UTF_8));

        String report = output.toString(StandardCharsets.UTF_8);
        assertThat(ok).as(report).isTrue();
        assertThat(report)
                .contains("cores available", "JDK:", "load average")
                .containsPattern("\\| durability\\.1-producer \\| mq broker \\(flush sync\\) vs mq broker \\(flush "
                        + "async\\) \\| records/s \\| [0-9,]+ \\| [0-9,]+ \\| [0-9.]+× \\|")
                .doesNotContain("FAILED");
        assertThat(ChildProcesses.runningPids()).isEmpty();
    }
}

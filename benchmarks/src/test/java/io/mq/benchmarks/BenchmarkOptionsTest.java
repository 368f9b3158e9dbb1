package io.mq.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.benchmarks.cases.RunSettings;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void noArgumentsRunTheFullSuite() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[0]);

        assertThat(options.settings()).isEqualTo(RunSettings.FULL);
        assertThat(options.cases()).isEmpty();
        assertThat(options.out()).isEmpty();
    }

    @Test
    void quickThenRunsKeepsTheLaterRunCount() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--quick", "--runs", "3"});

        assertThat(options.settings()).isEqualTo(new RunSettings(0.1, 3, 0));
    }

    @Test
    void caseOptionTakesCommaSeparatedPatternsAndRepeats() {
        BenchmarkOptions options = BenchmarkOptions.parse(
                new String[] {"--case", "broker\\.,startup", "--case", "scale", "--out", "r.md"});

        assertThat(options.cases()).extracting(Pattern::pattern).containsExactly("broker\\.", "startup", "scale");
        assertThat(options.out()).contains(Path.of("r.md"));
    }

    @Test
    void unknownOptionOrMissingValueIsRejectedWithUsage() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--fast"})).hasMessageContaining("usage:");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--runs"})).hasMessageContaining("needs a value");
    }
}

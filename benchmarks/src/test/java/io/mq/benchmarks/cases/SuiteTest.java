package io.mq.benchmarks.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SuiteTest {

    @Test
    void caseIdsAreUnique() {
        List<String> ids = Suite.all().stream().map(BenchmarkCase::id).toList();

        assertThat(ids).doesNotHaveDuplicates().hasSize(22);
    }

    @Test
    void patternsSelectCasesByIdAndNoPatternSelectsAll() {
        assertThat(Suite.matching(List.of(Pattern.compile("^durability\\."))))
                .extracting(BenchmarkCase::id)
                .containsExactly("durability.1-producer", "durability.4-producers", "durability.16-producers");
        assertThat(Suite.matching(List.of(Pattern.compile("^startup$"), Pattern.compile("scale.100"))))
                .extracting(BenchmarkCase::id)
                .containsExactly("startup", "scale.100-producers");
        assertThat(Suite.matching(List.of())).hasSameSizeAs(Suite.all());
    }
}

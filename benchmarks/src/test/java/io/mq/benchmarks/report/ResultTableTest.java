package io.mq.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.benchmarks.measure.Measurement;
import io.mq.benchmarks.measure.Metric;
import io.mq.benchmarks.report.CaseResult.MetricGoal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static Measurement records(double perSecond) {
        return Measurement.builder().put(Metric.RECORDS_PER_SEC, perSecond).build();
    }

    @Test
    void rowShowsMediansSpreadsRatioAndGoalVerdict() {
        CaseResult result = new CaseResult("broker.x", "title", "ours", "theirs",
                List.of(records(1200), records(1000), records(1100)),
                List.of(records(1000), records(900), records(1050)),
                List.of(new MetricGoal(Metric.RECORDS_PER_SEC, Goal.ratioAtLeast(1.2))), List.of(),
                Optional.empty());

        String table = ResultTable.render(List.of(result));

        assertThat(table).contains("| broker.x | ours vs theirs | records/s | 1,100 (1,000–1,200) "
                + "| 1,000 (900–1,050) | 1.10× | ≥ 1.2× — **not met** |");
    }

    @Test
    void missingSideShowsNotAvailableAndTheNote() {
        CaseResult result = new CaseResult("producer.x", "title", "mq", "kafka-clients", List.of(),
                List.of(records(500)), List.of(new MetricGoal(Metric.RECORDS_PER_SEC, Goal.ratioAtLeast(1.3))),
                List.of("mq producer: not yet available"), Optional.empty());

        String table = ResultTable.render(List.of(result));

        assertThat(table).contains("| n/a | 500 | n/a | ≥ 1.3× |");
        assertThat(table).contains("- producer.x: mq producer: not yet available");
    }

    @Test
    void failedCaseIsListedWithItsReason() {
        String table = ResultTable.render(List.of(CaseResult.failed("startup", "t", "boom\nstack")));

        assertThat(table).contains("| startup | | FAILED |").contains("- startup: FAILED: boom");
    }

    @Test
    void goalsJudgeRatiosAndAbsoluteBounds() {
        assertThat(Goal.ratioAtMost(0.5).met(1.0, 4.0)).contains(true);
        assertThat(Goal.ratioAtMost(0.5).met(3.0, 4.0)).contains(false);
        assertThat(Goal.oursAtMost(64).met(31.9, null)).contains(true);
        assertThat(Goal.ratioAtLeast(1.0).met(null, 4.0)).isEmpty();
        assertThat(Goal.ratioAtMost(0.1).text()).isEqualTo("≤ 0.1×");
    }
}

package io.mq.benchmarks.report;

import io.mq.benchmarks.measure.Measurement;
import io.mq.benchmarks.measure.Metric;
import io.mq.benchmarks.measure.Summary;
import java.util.List;
import java.util.Optional;

/**
 * Everything one case produced: the measured runs of both sides (an unavailable side has none), the metrics to show
 * with their goals, notes, and the failure if the case could not finish.
 *
 * @param id          the case id (as matched by {@code --case})
 * @param title       what the case does
 * @param oursLabel   what "ours" is in this case, e.g. {@code mq broker (flush async)}
 * @param theirsLabel what "theirs" is, e.g. {@code Apache Kafka 4.4.0 (KRaft)}
 * @param ours        our side's measured runs
 * @param theirs      their side's measured runs
 * @param metrics     the rows to show, in order
 * @param notes       remarks printed under the table (missing sides, time bounds hit, ...)
 * @param failure     why the case failed, if it did
 */
public record CaseResult(String id, String title, String oursLabel, String theirsLabel, List<Measurement> ours,
        List<Measurement> theirs, List<MetricGoal> metrics, List<String> notes, Optional<String> failure) {

    public CaseResult {
        ours = List.copyOf(ours);
        theirs = List.copyOf(theirs);
        metrics = List.copyOf(metrics);
        notes = List.copyOf(notes);
    }

    /** A case that failed before producing results. */
    public static CaseResult failed(String id, String title, String failure) {
        return new CaseResult(id, title, "", "", List.of(), List.of(), List.of(), List.of(), Optional.of(failure));
    }

    /** Median/min/max of {@code metric} over our runs, if any reported it. */
    public Optional<Summary> oursSummary(Metric metric) {
        return summarize(ours, metric);
    }

    /** Median/min/max of {@code metric} over their runs, if any reported it. */
    public Optional<Summary> theirsSummary(Metric metric) {
        return summarize(theirs, metric);
    }

    private static Optional<Summary> summarize(List<Measurement> runs, Metric metric) {
        List<Double> values = runs.stream()
                .filter(run -> run.get(metric).isPresent())
                .map(run -> run.get(metric).getAsDouble())
                .toList();
        return values.isEmpty() ? Optional.empty() : Optional.of(Summary.of(values));
    }

    /**
     * One metric row and its goal.
     *
     * @param metric the metric
     * @param goal   its goal
     */
    public record MetricGoal(Metric metric, Goal goal) {

        /** A row without a goal. */
        public static MetricGoal of(Metric metric) {
            return new MetricGoal(metric, Goal.none());
        }

        /** The rows of a throughput case: records/s and CPU per record with their goals, then MB/s, CPU, heap, threads. */
        public static List<MetricGoal> throughput(Goal recordsPerSecond, Goal cpuPerRecord) {
            return List.of(new MetricGoal(Metric.RECORDS_PER_SEC, recordsPerSecond), of(Metric.MB_PER_SEC),
                    of(Metric.CPU_SECONDS), new MetricGoal(Metric.CPU_MICROS_PER_RECORD, cpuPerRecord),
                    of(Metric.PEAK_HEAP_MIB), of(Metric.THREADS));
        }
    }
}

package io.mq.benchmarks.cases;

import io.mq.benchmarks.measure.Measurement;
import java.util.Optional;

/**
 * One side of a comparison.
 *
 * @param label       what it is, e.g. {@code kafka-clients}
 * @param unavailable why it cannot run yet, or empty
 * @param run         how to measure one run of it
 */
public record Side(String label, Optional<String> unavailable, Run run) {

    /** A side that can run. */
    public static Side of(String label, Run run) {
        return new Side(label, Optional.empty(), run);
    }

    /** Measures one run of a side. */
    @FunctionalInterface
    public interface Run {
        /**
         * Runs once and measures.
         *
         * @param name   a short name unique within the case (e.g. {@code w1}, {@code r2}), usable in topic names
         * @param warmUp whether this run is a warm-up whose figures are thrown away (it may be smaller)
         */
        Measurement measure(String name, boolean warmUp) throws Exception;
    }
}

package io.mq.benchmarks.report;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * A target from the goal table for one metric of one case, and whether a result meets it. Ratios are
 * always ours / theirs on the medians.
 */
public sealed interface Goal {

    /** The goal as shown in the table, e.g. {@code ≥ 1.2×}; empty for none. */
    String text();

    /** Whether the result meets the goal; empty when it has no verdict or a side is missing. */
    Optional<Boolean> met(Double oursMedian, Double theirsMedian);

    /** No goal. */
    static Goal none() {
        return new Described("");
    }

    /** A goal shown as text, judged by a reader (e.g. comparing rows). */
    static Goal described(String text) {
        return new Described(text);
    }

    /** ours / theirs ≥ {@code ratio}. */
    static Goal ratioAtLeast(double ratio) {
        return new Ratio(ratio, true);
    }

    /** ours / theirs ≤ {@code ratio}. */
    static Goal ratioAtMost(double ratio) {
        return new Ratio(ratio, false);
    }

    /** ours ≤ {@code limit}, whatever theirs is. */
    static Goal oursAtMost(double limit) {
        return new OursAtMost(limit);
    }

    /** A goal without a verdict. */
    record Described(String text) implements Goal {
        @Override
        public Optional<Boolean> met(Double oursMedian, Double theirsMedian) {
            return Optional.empty();
        }
    }

    /** A bound on the ratio of medians. */
    record Ratio(double ratio, boolean atLeast) implements Goal {
        @Override
        public String text() {
            return (atLeast ? "≥ " : "≤ ") + BigDecimal.valueOf(ratio).stripTrailingZeros().toPlainString() + "×";
        }

        @Override
        public Optional<Boolean> met(Double oursMedian, Double theirsMedian) {
            if (oursMedian == null || theirsMedian == null || theirsMedian == 0) {
                return Optional.empty();
            }
            double actual = oursMedian / theirsMedian;
            return Optional.of(atLeast ? actual >= ratio : actual <= ratio);
        }
    }

    /** An absolute bound on our median. */
    record OursAtMost(double limit) implements Goal {
        @Override
        public String text() {
            return String.format(Locale.ROOT, "ours ≤ %.0f", limit);
        }

        @Override
        public Optional<Boolean> met(Double oursMedian, Double theirsMedian) {
            return oursMedian == null ? Optional.empty() : Optional.of(oursMedian <= limit);
        }
    }
}

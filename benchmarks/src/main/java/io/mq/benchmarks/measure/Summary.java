package io.mq.benchmarks.measure;

import java.util.Arrays;
import java.util.Collection;

/**
 * Median, minimum and maximum of one metric over a side's runs.
 *
 * @param median the middle value (the mean of the two middle ones for an even count)
 * @param min    the smallest value
 * @param max    the largest value
 * @param runs   how many runs reported it
 */
public record Summary(double median, double min, double max, int runs) {

    /** Summarizes {@code values}. */
    public static Summary of(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarize");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Summary(median, sorted[0], sorted[n - 1], n);
    }

    /** Summarizes {@code values}. */
    public static Summary of(double... values) {
        return of(Arrays.stream(values).boxed().toList());
    }
}

package io.mq.benchmarks.cases;

/**
 * How much of each case to run.
 *
 * @param scale   factor applied to record counts and timed phases (1 = the sizes in the issue)
 * @param runs    measured runs per side
 * @param warmups warm-up runs per side before the measured ones (not reported)
 */
public record RunSettings(double scale, int runs, int warmups) {

    /** The full suite: issue-sized cases, a warm-up, then 3 runs per side. */
    public static final RunSettings FULL = new RunSettings(1.0, 3, 1);
    /** A smoke test: a tenth of the records, no warm-up, 1 run per side. */
    public static final RunSettings QUICK = new RunSettings(0.1, 1, 0);

    public RunSettings {
        if (scale <= 0 || runs < 1 || warmups < 0) {
            throw new IllegalArgumentException("scale > 0, runs ≥ 1 and warmups ≥ 0 are required");
        }
    }
}

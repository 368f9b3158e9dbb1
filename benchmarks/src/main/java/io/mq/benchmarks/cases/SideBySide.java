package io.mq.benchmarks.cases;

import io.mq.benchmarks.measure.Measurement;
import io.mq.benchmarks.measure.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Runs two sides: the warm-ups (ours, theirs), then the measured runs alternating, with the order flipped every
 * round (ours-theirs, theirs-ours, ...) so neither side always runs first. A side that is unavailable is skipped and
 * noted.
 */
final class SideBySide {

    private SideBySide() {
    }

    /** The measured runs of each side. */
    record Runs(List<Measurement> ours, List<Measurement> theirs) {
    }

    static Runs run(CaseContext context, Side ours, Side theirs) throws Exception {
        for (Side side : List.of(ours, theirs)) {
            side.unavailable().ifPresent(reason -> {
                context.note(reason);
                context.log("  " + reason);
            });
        }
        for (int w = 1; w <= context.settings().warmups(); w++) {
            for (Side side : List.of(ours, theirs)) {
                measure(context, side, "w" + w, true);
            }
        }
        List<Measurement> oursRuns = new ArrayList<>();
        List<Measurement> theirsRuns = new ArrayList<>();
        for (int r = 1; r <= context.settings().runs(); r++) {
            boolean oursFirst = r % 2 == 1;
            Side first = oursFirst ? ours : theirs;
            Side second = oursFirst ? theirs : ours;
            Measurement a = measure(context, first, "r" + r, false);
            Measurement b = measure(context, second, "r" + r, false);
            add(oursFirst ? oursRuns : theirsRuns, a);
            add(oursFirst ? theirsRuns : oursRuns, b);
        }
        return new Runs(oursRuns, theirsRuns);
    }

    private static Measurement measure(CaseContext context, Side side, String name, boolean warmUp)
            throws Exception {
        if (side.unavailable().isPresent()) {
            return null;
        }
        Measurement measurement = side.run().measure(name, warmUp);
        context.log(String.format(Locale.ROOT, "  %-8s %-34s %s", warmUp ? "warm-up" : "run " + name.substring(1),
                side.label(), brief(measurement)));
        return measurement;
    }

    private static void add(List<Measurement> runs, Measurement measurement) {
        if (measurement != null) {
            runs.add(measurement);
        }
    }

    private static String brief(Measurement measurement) {
        return measurement.values().entrySet().stream()
                .map(e -> e.getKey().label() + "=" + format(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String format(Metric metric, double value) {
        return String.format(Locale.ROOT, "%." + metric.decimals() + "f", value);
    }
}

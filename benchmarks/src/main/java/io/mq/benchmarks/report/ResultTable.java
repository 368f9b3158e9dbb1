package io.mq.benchmarks.report;

import io.mq.benchmarks.measure.Metric;
import io.mq.benchmarks.measure.Summary;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders results as one Markdown table: per case and metric, each side's median with its min–max spread, the ratio
 * ours / theirs of the medians, the goal and whether it is met; then the cases' notes.
 */
public final class ResultTable {

    private ResultTable() {
    }

    /** The table and notes for {@code results}. */
    public static String render(List<CaseResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("| case | ours vs theirs | metric | ours: median (min–max) | theirs: median (min–max) "
                + "| ours/theirs | goal |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (CaseResult result : results) {
            if (result.failure().isPresent()) {
                out.append("| ").append(result.id()).append(" | | FAILED | | | | |\n");
                continue;
            }
            boolean first = true;
            for (CaseResult.MetricGoal row : result.metrics()) {
                Optional<Summary> ours = result.oursSummary(row.metric());
                Optional<Summary> theirs = result.theirsSummary(row.metric());
                out.append("| ").append(first ? result.id() : "")
                        .append(" | ").append(first ? result.oursLabel() + " vs " + result.theirsLabel() : "")
                        .append(" | ").append(row.metric().label())
                        .append(" | ").append(cell(ours, row.metric()))
                        .append(" | ").append(cell(theirs, row.metric()))
                        .append(" | ").append(ratio(ours, theirs))
                        .append(" | ").append(goal(row.goal(), ours, theirs))
                        .append(" |\n");
                first = false;
            }
        }
        StringBuilder notes = new StringBuilder();
        for (CaseResult result : results) {
            result.failure().ifPresent(failure -> notes.append("- ").append(result.id()).append(": FAILED: ")
                    .append(firstLine(failure)).append('\n'));
            for (String note : result.notes()) {
                notes.append("- ").append(result.id()).append(": ").append(note).append('\n');
            }
        }
        if (!notes.isEmpty()) {
            out.append('\n').append("Notes:\n\n").append(notes);
        }
        return out.toString();
    }

    /** {@code median (min–max)}, or {@code n/a}. */
    static String cell(Optional<Summary> summary, Metric metric) {
        if (summary.isEmpty()) {
            return "n/a";
        }
        Summary s = summary.get();
        if (s.runs() == 1) {
            return format(s.median(), metric);
        }
        return format(s.median(), metric) + " (" + format(s.min(), metric) + "–" + format(s.max(), metric) + ")";
    }

    static String ratio(Optional<Summary> ours, Optional<Summary> theirs) {
        if (ours.isEmpty() || theirs.isEmpty() || theirs.get().median() == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f×", ours.get().median() / theirs.get().median());
    }

    private static String goal(Goal goal, Optional<Summary> ours, Optional<Summary> theirs) {
        String text = goal.text();
        if (text.isEmpty()) {
            return "";
        }
        Optional<Boolean> met = goal.met(ours.map(Summary::median).orElse(null),
                theirs.map(Summary::median).orElse(null));
        return text + met.map(ok -> ok ? " — met" : " — **not met**").orElse("");
    }

    /** A value with the metric's decimals and thousands separators. */
    static String format(double value, Metric metric) {
        return String.format(Locale.ROOT, "%,." + metric.decimals() + "f", value);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}

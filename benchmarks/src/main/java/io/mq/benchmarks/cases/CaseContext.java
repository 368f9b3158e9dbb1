package io.mq.benchmarks.cases;

import io.mq.benchmarks.process.WorkerProcess;
import io.mq.benchmarks.worker.WorkerResult;
import io.mq.benchmarks.worker.WorkloadSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a running case may use: the run settings, the worker launcher, progress output and the case's notes. */
public final class CaseContext {

    /** Slack on top of a workload's own bound before its worker is killed (JVM start, warm-up, close). */
    private static final Duration WORKER_SLACK = Duration.ofSeconds(120);

    private final RunSettings settings;
    private final WorkerProcess workers;
    private final PrintStream out;
    private final Set<String> notes = new LinkedHashSet<>();

    /** A context for one case. */
    public CaseContext(RunSettings settings, WorkerProcess workers, PrintStream out) {
        this.settings = settings;
        this.workers = workers;
        this.out = out;
    }

    /** The run settings. */
    public RunSettings settings() {
        return settings;
    }

    /** {@code full} scaled by the run settings, at least 1. */
    public long scaled(long full) {
        return Math.max(1, Math.round(full * settings.scale()));
    }

    /** {@code full} scaled by the run settings, at least 100 ms. */
    public Duration scaled(Duration full) {
        return Duration.ofMillis(Math.max(100, Math.round(full.toMillis() * settings.scale())));
    }

    /**
     * Runs {@code spec} in a worker JVM (bounded by its own bound twice over plus slack). A run that hit its time
     * bound adds a note; any failed send fails the run.
     */
    public WorkerResult runWorker(WorkloadSpec spec) throws IOException, InterruptedException {
        WorkerResult result = workers.run(spec, spec.maxDuration().multipliedBy(2).plus(WORKER_SLACK));
        if (result.errors() > 0) {
            throw new IllegalStateException(result.errors() + " sends failed in " + spec.kind() + " on "
                    + spec.bootstrap() + " (see the worker log)");
        }
        if (result.truncated()) {
            note("a " + spec.kind() + " run stopped at its time bound (" + spec.maxDuration().toSeconds()
                    + " s) before its record count; its rates cover what it did");
        }
        return result;
    }

    /** Prints a progress line. */
    public void log(String line) {
        out.println(line);
        out.flush();
    }

    /** Adds a note shown under the table (duplicates are shown once). */
    public void note(String note) {
        notes.add(note);
    }

    /** The notes so far. */
    public List<String> notes() {
        return new ArrayList<>(notes);
    }
}

package io.mq.benchmarks.process;

import io.mq.benchmarks.worker.WorkerMain;
import io.mq.benchmarks.worker.WorkerResult;
import io.mq.benchmarks.worker.WorkloadSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one workload in a fresh worker JVM ({@link WorkerMain}, 1 GiB heap for every engine), bounded in time, and
 * returns its result. Output goes to {@code worker-<n>.log} in the suite's work directory.
 */
public final class WorkerProcess {

    private static final JvmSpec JVM = JvmSpec.heap("1g");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Path workDir;
    private final Path classPath;

    /** Workers writing logs into {@code workDir}. */
    public WorkerProcess(Path workDir) throws IOException {
        this.workDir = workDir;
        this.classPath = ClassPathFile.write(workDir.resolve("worker-classpath.args"));
    }

    /**
     * Runs {@code spec} and waits at most {@code timeout} for the worker to finish.
     *
     * @throws IllegalStateException when the worker fails, prints no result or runs out of time (it is then killed)
     */
    public WorkerResult run(WorkloadSpec spec, Duration timeout) throws IOException, InterruptedException {
        Path log = workDir.resolve("worker-" + SEQUENCE.incrementAndGet() + ".log");
        List<String> command = JVM.command(classPath, WorkerMain.class.getName(), spec.toArgs());
        Process process = ChildProcesses.start(new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("worker " + spec.kind() + " did not finish in " + timeout
                        + LogFiles.tail(log));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("worker " + spec.kind() + " failed with exit status "
                        + process.exitValue() + LogFiles.tail(log));
            }
        } finally {
            ChildProcesses.stop(process, STOP_TIMEOUT);
        }
        return LogFiles.lines(log).stream()
                .filter(line -> line.startsWith(WorkerResult.PREFIX))
                .reduce((first, second) -> second)
                .map(WorkerResult::parse)
                .orElseThrow(() -> new IllegalStateException("worker " + spec.kind() + " printed no result"
                        + LogFiles.tail(log)));
    }
}

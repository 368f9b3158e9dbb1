package io.mq.benchmarks.process;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every child process the harness starts goes through here, so one shutdown hook can stop the ones still running by
 * PID when the harness exits early (a failed run, Ctrl-C). Normal runs stop each process themselves with
 * {@link #stop(Process, Duration)}.
 */
public final class ChildProcesses {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killRunning, "mq-bench-stop-children"));
    }

    private ChildProcesses() {
    }

    /** Starts {@code builder}'s process, closes its standard input and tracks it until {@link #stop} sees it end. */
    public static Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        RUNNING.add(process);
        process.getOutputStream().close();
        process.onExit().thenRun(() -> RUNNING.remove(process));
        return process;
    }

    /**
     * Stops {@code process} by PID: SIGTERM, then SIGKILL if it is still running after {@code grace}. Returns once it
     * has exited (or a further {@code grace} after the SIGKILL). When interrupted it kills the process at once and
     * keeps the interrupt flag.
     */
    public static void stop(Process process, Duration grace) {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            if (!process.isAlive()) {
                RUNNING.remove(process);
            }
        }
    }

    /** The PIDs of the tracked processes still running (for diagnostics). */
    public static List<Long> runningPids() {
        return RUNNING.stream().filter(Process::isAlive).map(Process::pid).sorted().toList();
    }

    private static void killRunning() {
        for (Process process : RUNNING) {
            process.destroyForcibly();
        }
    }
}

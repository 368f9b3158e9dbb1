package io.mq.benchmarks.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every child process the harness starts goes through here, so one shutdown hook can stop the ones still running by
 * PID when the harness exits early (a failed run, Ctrl-C), and then delete the temp directories registered with
 * {@link #deleteOnExit(Path)}. Normal runs stop each process themselves with {@link #stop(Process, Duration)}.
 */
public final class ChildProcesses {

    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Set<Path> DIRECTORIES = ConcurrentHashMap.newKeySet();

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

    /**
     * Deletes {@code dir} if the JVM exits before {@link LogFiles#deleteRecursively(Path)} removes it (which also
     * ends the registration). Children are killed first, so they no longer write there.
     */
    public static void deleteOnExit(Path dir) {
        DIRECTORIES.add(dir.toAbsolutePath());
    }

    /** Ends {@link #deleteOnExit(Path)} for {@code dir}. */
    static void deleted(Path dir) {
        DIRECTORIES.remove(dir.toAbsolutePath());
    }

    /** The PIDs of the tracked processes still running (for diagnostics). */
    public static List<Long> runningPids() {
        return RUNNING.stream().filter(Process::isAlive).map(Process::pid).sorted().toList();
    }

    private static void killRunning() {
        for (Process process : RUNNING) {
            process.destroyForcibly();
        }
        long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
        for (Process process : RUNNING) {
            try {
                process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
        for (Path dir : DIRECTORIES) {
            try {
                LogFiles.deleteRecursively(dir);
            } catch (RuntimeException e) {
                // best effort while the JVM exits
            }
        }
    }
}

package io.mq.benchmarks.measure;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A wrapper main for child JVMs under test: {@code java -Dmq.bench.probe=FILE ... ProbeMain <main class> <args>}
 * starts a daemon thread that appends a {@link ProbeSample} line to FILE every {@value #INTERVAL_MS} ms (and once
 * more at exit), then runs the real main class. The harness reads the file to learn the process's CPU time, heap and
 * threads over any time window, without JMX ports or attach. The thread sets itself up (management beans, file)
 * while the real main already runs, so the probe adds nothing to the startup path it measures.
 */
public final class ProbeMain {

    /** System property naming the probe file. */
    public static final String FILE_PROPERTY = "mq.bench.probe";
    /** Sampling interval in milliseconds. */
    public static final int INTERVAL_MS = 50;

    private ProbeMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ProbeMain <main class> [args...]");
        }
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null) {
            throw new IllegalArgumentException("system property " + FILE_PROPERTY + " must name the probe file");
        }
        Thread probe = new Thread(() -> sampleForever(Path.of(file)), "mq-bench-probe");
        probe.setDaemon(true);
        probe.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void sampleForever(Path file) {
        Sampler sampler;
        try {
            sampler = new Sampler(new JvmUsage(), new FileOutputStream(file.toFile(), true));
        } catch (IOException e) {
            System.err.println("mq-bench-probe: cannot write " + file + ": " + e);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sampler::sampleOnce, "mq-bench-probe-exit"));
        sampler.runUntilInterrupted();
    }

    /** Writes samples; the probe thread and the exit hook share it, so writes are synchronized. */
    private static final class Sampler {
        private final JvmUsage usage;
        private final OutputStream out;

        Sampler(JvmUsage usage, OutputStream out) {
            this.usage = usage;
            this.out = out;
        }

        void runUntilInterrupted() {
            while (!Thread.currentThread().isInterrupted()) {
                sampleOnce();
                try {
                    Thread.sleep(INTERVAL_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        synchronized void sampleOnce() {
            // one probe thread while sampling; the exit hook's thread is counted instead of it then
            ProbeSample sample = new ProbeSample(System.currentTimeMillis(), usage.processCpuNanos(),
                    usage.heapUsedBytes(), usage.peakHeapBytes(), usage.liveThreads() - 1, usage.peakThreads() - 1,
                    usage.residentBytes());
            usage.resetPeaks();
            try {
                out.write((sample.toLine() + "\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // the harness is gone or the disk is full; a probe must never take the process under test down
            }
        }
    }
}

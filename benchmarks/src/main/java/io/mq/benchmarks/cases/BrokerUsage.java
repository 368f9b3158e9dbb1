package io.mq.benchmarks.cases;

import io.mq.benchmarks.measure.ProcessUsage;
import io.mq.benchmarks.process.BrokerUnderTest;
import io.mq.benchmarks.worker.WorkerResult;

/** A broker's CPU, peak heap and threads over a worker's measured phase, from the broker's probe. */
final class BrokerUsage {

    private static final long SAMPLE_WAIT_MS = 2_000;

    private BrokerUsage() {
    }

    /** The broker's use during {@code result}'s measured phase. */
    static ProcessUsage during(BrokerUnderTest broker, WorkerResult result) throws InterruptedException {
        long deadline = System.currentTimeMillis() + SAMPLE_WAIT_MS;
        // wait for a sample at or after the window's end, so the CPU figure covers all of it
        while (broker.probe().latest().map(s -> s.epochMillis() < result.windowEndMillis()).orElse(true)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        return broker.probe().usage(result.windowStartMillis(), result.windowEndMillis());
    }

    /** The worker's own use during its measured phase, as it reported it. */
    static ProcessUsage ofWorker(WorkerResult result) {
        return new ProcessUsage(result.cpuNanos() / 1e9, result.peakHeapBytes(), result.peakThreads());
    }
}

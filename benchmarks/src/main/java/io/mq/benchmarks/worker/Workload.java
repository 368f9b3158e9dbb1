package io.mq.benchmarks.worker;

/** One kind of bounded load, run inside a worker JVM. */
interface Workload {

    /** Runs {@code spec}'s warm-up, then its measured phase, and reports the phase. */
    WorkerResult run(WorkloadSpec spec) throws Exception;
}

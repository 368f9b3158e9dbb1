package io.mq.benchmarks.cases;

import io.mq.benchmarks.report.CaseResult;

/** One comparison in the suite. */
public interface BenchmarkCase {

    /** A stable id, e.g. {@code broker.produce-100b-acks1}; {@code --case} matches it. */
    String id();

    /** What the case does, e.g. {@code 2,000,000 × 100 B, acks=1 linger 5 ms batch 64 KiB}. */
    String title();

    /** Starts what the case needs, runs both sides, stops everything it started. */
    CaseResult run(CaseContext context) throws Exception;
}

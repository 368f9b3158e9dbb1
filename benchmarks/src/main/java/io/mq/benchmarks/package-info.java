/**
 * The benchmark suite's entry point ({@link io.mq.benchmarks.BenchmarkMain}) and its command-line options; the
 * sub-packages hold the cases, the child processes, the measurements and the report.
 */
package io.mq.benchmarks;

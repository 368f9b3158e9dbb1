/**
 * The load generators: {@link io.mq.benchmarks.worker.WorkerMain} runs one bounded workload (produce, fixed-rate
 * produce, synchronous sends, consume, end-to-end, many producers) in its own JVM and prints one result line, so a
 * producer's CPU, heap and threads are measured apart from the harness and the broker.
 */
package io.mq.benchmarks.worker;

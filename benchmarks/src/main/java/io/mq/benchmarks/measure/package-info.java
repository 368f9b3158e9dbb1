/**
 * What a run measures and how: the in-JVM probe that child processes run under, the per-process usage it yields
 * (CPU seconds, peak heap, threads), latency percentiles, and median/min/max over runs.
 */
package io.mq.benchmarks.measure;

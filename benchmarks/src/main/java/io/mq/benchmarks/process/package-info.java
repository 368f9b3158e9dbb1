/**
 * Child processes the harness starts (our broker, Apache Kafka, load-generating workers), how their command lines are
 * built, and the registry that stops every one of them by PID, also when a run fails or is interrupted.
 */
package io.mq.benchmarks.process;

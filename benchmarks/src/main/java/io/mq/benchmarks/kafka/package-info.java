/**
 * A real Apache Kafka 4.x broker run from Maven Central jars in a child JVM ({@link
 * io.mq.benchmarks.kafka.ApacheKafkaServer}), shared by the benchmarks and mq-it-kafka4's tests.
 */
package io.mq.benchmarks.kafka;

/**
 * Choosing a record's partition: the {@link io.mq.producer.partitioner.Partitioner} SPI and the built-in strategies
 * (round-robin, key hash identical to Kafka's, sticky, latency-aware, and the default of key hash or sticky).
 */
package io.mq.producer.partitioner;

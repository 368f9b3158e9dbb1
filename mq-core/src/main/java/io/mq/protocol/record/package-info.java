/**
 * Record batch v2 (magic 2): the batch header view, record encoding, CRC-32C and the compression codecs, all
 * byte-compatible with Apache Kafka.
 */
package io.mq.protocol.record;

/**
 * The compression codecs of record batch v2 (gzip, snappy, lz4, zstd), each writing and reading exactly the stream
 * format Apache Kafka uses. Snappy, lz4 and zstd need optional libraries; {@link
 * io.mq.protocol.record.compression.CompressionCodecs#forType} says which one is missing.
 */
package io.mq.protocol.record.compression;

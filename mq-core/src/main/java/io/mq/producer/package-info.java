/**
 * The producer's public API: the {@link io.mq.producer.MqProducer} facade and its builder, records, results, options
 * and the typed send failures, plus the extension points users plug in (backoff policies, interceptors), the
 * dead-letter headers and the metrics they read.
 */
package io.mq.producer;

/**
 * One request and one response type per Kafka API, as immutable records that decode themselves from a
 * {@link io.mq.protocol.types.WireReader} and encode through a {@link io.mq.protocol.types.WireWriter} at any
 * version in their {@link io.mq.protocol.ApiKey} range.
 */
package io.mq.protocol.message;

/**
 * The Kafka wire protocol shared by the producer engine, the admin client and the embedded broker:
 * the {@link io.mq.protocol.ApiKey} registry, the {@link io.mq.protocol.Errors} enum and the request/response headers.
 */
package io.mq.protocol;

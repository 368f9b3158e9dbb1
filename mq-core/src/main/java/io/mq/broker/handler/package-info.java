/**
 * One thin handler per Kafka API: decode, check, delegate to storage or metadata, build the response. The
 * {@link io.mq.broker.handler.HandlerRegistry} maps api keys to handlers and feeds ApiVersions.
 */
package io.mq.broker.handler;

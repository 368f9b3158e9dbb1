/**
 * The embeddable broker: {@link io.mq.broker.EmbeddedBroker} speaks the Kafka wire protocol and keeps every
 * partition in one segmented commit log. Start one in milliseconds for tests and development.
 */
package io.mq.broker;

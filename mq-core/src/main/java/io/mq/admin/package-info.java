/**
 * The admin client: {@link io.mq.admin.MqAdmin} manages topics, configs and consumer groups of a Kafka-protocol
 * cluster (the embedded broker or Apache Kafka) without blocking, with immutable result records and typed errors
 * that name the topic or group involved.
 */
package io.mq.admin;

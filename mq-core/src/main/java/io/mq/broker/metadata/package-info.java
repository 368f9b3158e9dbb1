/**
 * The broker's durable cluster metadata: topics, their partition counts, ids and configs, and producer-id blocks; a
 * {@link io.mq.broker.metadata.PartitionPlacement} decides which store holds each partition.
 */
package io.mq.broker.metadata;

/**
 * Addressing: the brokers ({@link io.mq.metadata.Node}), an immutable {@link io.mq.metadata.Cluster} snapshot of which
 * broker leads each partition, and the {@link io.mq.metadata.MetadataManager} that keeps it fresh.
 */
package io.mq.metadata;

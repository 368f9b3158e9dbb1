/**
 * The embedded broker's storage engine: one segmented commit log for all partitions, a per-partition index, group
 * commit, crash recovery and retention.
 */
package io.mq.broker.storage;

/** The embedded broker's storage engine: one segmented commit log for all partitions plus per-partition indexes. */
package io.mq.broker.storage;

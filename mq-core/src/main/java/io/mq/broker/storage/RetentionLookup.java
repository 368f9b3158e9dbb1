package io.mq.broker.storage;

/** Supplies each partition's retention settings (usually from topic configs); asked on every retention check. */
@FunctionalInterface
public interface RetentionLookup {

    /** Retention for {@code id}; {@link Retention#UNLIMITED} keeps everything. */
    Retention retentionFor(PartitionId id);
}

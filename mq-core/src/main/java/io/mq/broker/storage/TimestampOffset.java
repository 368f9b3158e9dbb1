package io.mq.broker.storage;

/**
 * A record's timestamp and offset, as answered to ListOffsets.
 *
 * @param timestamp the record's timestamp in milliseconds
 * @param offset    the record's offset
 */
public record TimestampOffset(long timestamp, long offset) {
}

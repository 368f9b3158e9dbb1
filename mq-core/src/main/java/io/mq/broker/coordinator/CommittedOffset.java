package io.mq.broker.coordinator;

import java.util.Objects;

/**
 * An offset a group committed for one partition.
 *
 * @param offset          the next offset the group will consume
 * @param leaderEpoch     the leader epoch the client saw, or -1
 * @param metadata        free text from the client ({@code ""} when none)
 * @param commitTimestamp when the coordinator stored it, in epoch milliseconds
 */
public record CommittedOffset(long offset, int leaderEpoch, String metadata, long commitTimestamp) {

    public CommittedOffset {
        Objects.requireNonNull(metadata, "metadata");
    }
}

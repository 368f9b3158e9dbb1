package io.mq.broker.coordinator;

import io.mq.broker.BrokerConfig;

/**
 * The coordinator's settings, in milliseconds.
 *
 * @param initialRebalanceDelayMs      how long the first rebalance of an empty group waits for more members
 * @param minSessionTimeoutMs          smallest session timeout a member may ask for
 * @param maxSessionTimeoutMs          largest session timeout a member may ask for
 * @param offsetsRetentionMs           how long an empty group's committed offsets are kept
 * @param offsetsRetentionCheckIntervalMs how often expired offsets are looked for
 */
public record GroupConfig(long initialRebalanceDelayMs, int minSessionTimeoutMs, int maxSessionTimeoutMs,
        long offsetsRetentionMs, long offsetsRetentionCheckIntervalMs) {

    /** The group settings of a broker. */
    public static GroupConfig from(BrokerConfig config) {
        return new GroupConfig(config.groupInitialRebalanceDelay().toMillis(),
                (int) config.groupMinSessionTimeout().toMillis(), (int) config.groupMaxSessionTimeout().toMillis(),
                config.offsetsRetention().toMillis(), config.offsetsRetentionCheckInterval().toMillis());
    }
}

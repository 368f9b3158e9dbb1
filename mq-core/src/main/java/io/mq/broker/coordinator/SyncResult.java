package io.mq.broker.coordinator;

import io.mq.protocol.Errors;

/**
 * The answer to a sync.
 *
 * @param error        NONE or why the sync failed
 * @param protocolType the group's protocol type ({@code null} on error)
 * @param protocolName the group's protocol ({@code null} on error)
 * @param assignment   this member's assignment (empty on error)
 */
public record SyncResult(Errors error, String protocolType, String protocolName, byte[] assignment) {

    private static final byte[] NONE = new byte[0];

    /** A failed sync. */
    public static SyncResult failed(Errors error) {
        return new SyncResult(error, null, null, NONE);
    }
}

package io.mq.producer;

/**
 * What a send does when the producer's buffer memory is full, or when records waiting for their topic's metadata
 * already fill as many bytes as the buffer memory.
 */
public enum BackpressureMode {
    /** Fail the send at once with a retriable error; the caller decides whether to wait and retry. */
    FAIL_FAST,
    /**
     * Block the calling thread until memory frees up, at most the configured max block time. Never blocks a Netty
     * event-loop thread: sends from one fail fast. Records that waited for metadata and meet a full buffer when their
     * topic appears keep waiting, in order, until answers free memory.
     */
    BLOCK
}

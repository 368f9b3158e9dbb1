package io.mq.producer;

/** What a send does when the producer's buffer memory is full. */
public enum BackpressureMode {
    /** Fail the send at once with a retriable error; the caller decides whether to wait and retry. */
    FAIL_FAST,
    /**
     * Block the calling thread until memory frees up, at most the configured max block time. Never blocks a Netty
     * event-loop thread: sends from one fail fast.
     */
    BLOCK
}

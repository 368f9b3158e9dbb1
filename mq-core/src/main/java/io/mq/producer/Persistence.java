package io.mq.producer;

/** What a failed send leaves behind on the broker, so a caller knows whether re-sending may duplicate the record. */
public enum Persistence {
    /** The broker stored the record (the failure came after, e.g. in a callback); do not send it again. */
    PERSISTED,
    /** The record may have been stored: a request was written but its answer never came (timeout, disconnect). */
    POSSIBLY_PERSISTED,
    /** The record was not stored: it never left the client, or the broker rejected it. */
    NOT_PERSISTED
}

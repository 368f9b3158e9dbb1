package io.mq.protocol.record;

import io.mq.protocol.ProtocolException;

/**
 * A record batch whose content is malformed: a bad CRC, a length that does not fit, a compressed stream that does
 * not decompress, records that do not add up to the declared count. A broker answers it with
 * {@link io.mq.protocol.Errors#CORRUPT_MESSAGE}.
 */
public class CorruptRecordException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    public CorruptRecordException(String message) {
        super(message);
    }

    public CorruptRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}

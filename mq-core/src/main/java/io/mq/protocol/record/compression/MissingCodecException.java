package io.mq.protocol.record.compression;

/**
 * A compression codec whose library is not on the classpath. The message names the Maven coordinates to add, e.g.
 * "lz4 compression needs at.yawk.lz4:lz4-java on the classpath".
 */
public class MissingCodecException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public MissingCodecException(String message) {
        super(message);
    }
}

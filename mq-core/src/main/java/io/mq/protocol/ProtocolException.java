package io.mq.protocol;

/**
 * Bytes on the wire that do not form a valid message: a negative or oversized length, a frame that ends
 * early or has bytes left over, an unknown api key or version. The broker answers or closes the connection;
 * it never lets one of these escape to crash anything.
 */
public class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}

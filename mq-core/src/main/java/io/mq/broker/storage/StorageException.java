package io.mq.broker.storage;

/** A storage failure: an I/O error, a locked or inconsistent data directory. The message names the file or directory. */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}

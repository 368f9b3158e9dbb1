package io.mq.client;

import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The one place where Kafka error codes become exceptions, and helpers to classify failures. */
public final class MqExceptions {

    private MqExceptions() {
    }

    /**
     * The exception for an error code a broker answered. Timeouts, disconnects and unsupported versions get their own
     * types; any other code is a {@link RetriableMqException} or a {@link FatalMqException} as {@link Errors#retriable()}
     * says.
     *
     * @param error   the code answered; not {@link Errors#NONE}
     * @param context what was attempted, e.g. {@code "produce to orders-0"}
     * @param broker  the broker that answered, or null
     * @param api     the api of the request, or null
     */
    public static MqException fromError(Errors error, String context, Node broker, ApiKey api) {
        if (error == Errors.NONE) {
            throw new IllegalArgumentException("NONE is not an error (" + context + ")");
        }
        String message = context + " failed with " + error + ": " + error.message()
                + (broker != null ? " (broker " + broker + ")" : "");
        return switch (error) {
            case REQUEST_TIMED_OUT -> new MqTimeoutException(message, null, broker, api, error);
            case NETWORK_EXCEPTION -> new ConnectionLostException(message, null, broker, api, error);
            case UNSUPPORTED_VERSION -> new UnsupportedVersionException(message, broker, api);
            default -> error.retriable()
                    ? new RetriableMqException(message, null, broker, api, error)
                    : new FatalMqException(message, null, broker, api, error);
        };
    }

    /** {@code failure} without the {@link CompletionException}/{@link ExecutionException} wrappers futures add. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Whether {@code failure} (possibly wrapped by a future) is an mq error that may succeed when retried. */
    public static boolean isRetriable(Throwable failure) {
        return unwrap(failure) instanceof MqException e && e.isRetriable();
    }

    /**
     * The error code to log for {@code failure}: the Kafka error a broker answered, else {@code REQUEST_TIMED_OUT} for
     * a timeout and {@code NETWORK_EXCEPTION} for a lost connection (looking through causes for a failure that only
     * wraps another one), else the exception's simple class name.
     */
    public static String errorCode(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof MqException e && e.error().isPresent()) {
            return e.error().get().name();
        }
        if (t instanceof MqException && t.getCause() instanceof MqException cause) {
            return errorCode(cause);
        }
        if (t instanceof MqTimeoutException) {
            return Errors.REQUEST_TIMED_OUT.name();
        }
        if (t instanceof ConnectionLostException) {
            return Errors.NETWORK_EXCEPTION.name();
        }
        return t == null ? "NONE" : t.getClass().getSimpleName();
    }
}

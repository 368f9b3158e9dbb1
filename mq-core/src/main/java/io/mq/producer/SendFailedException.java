package io.mq.producer;

import io.mq.protocol.Errors;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a record was not sent. Every failure names the topic and partition (when chosen) and the broker (when one was
 * involved), says whether the record may nevertheless be stored ({@link #persistence()}), and carries a
 * {@link #code()}: the Kafka error name when a broker answered with one, else one of the client codes below.
 *
 * <p>Three kinds: {@link RetriableSendException} (sending again may succeed), {@link FatalSendException} (it will not)
 * and {@link SendConfigurationException} (the record or the producer's settings must change first).
 */
public abstract sealed class SendFailedException extends RuntimeException
        permits RetriableSendException, FatalSendException, SendConfigurationException {

    private static final long serialVersionUID = 1L;

    /** Client code: the buffer memory was full and the send could not wait for space. */
    public static final String BUFFER_EXHAUSTED = "BUFFER_EXHAUSTED";
    /** Client code: the record was not acknowledged within the delivery timeout. */
    public static final String DELIVERY_TIMEOUT = "DELIVERY_TIMEOUT";
    /** Client code: the record is larger than the max request size or the buffer memory. */
    public static final String RECORD_TOO_LARGE = "RECORD_TOO_LARGE";
    /** Client code: the record names a partition the topic does not have, or a partitioner chose one. */
    public static final String INVALID_PARTITION = "INVALID_PARTITION";
    /** Client code: the topic's metadata did not arrive within the bound. */
    public static final String METADATA_TIMEOUT = "METADATA_TIMEOUT";
    /** Client code: the producer was closed before the record was sent. */
    public static final String PRODUCER_CLOSED = "PRODUCER_CLOSED";
    /** Client code: the sending thread was interrupted while waiting for buffer memory. */
    public static final String INTERRUPTED = "INTERRUPTED";
    /** Client code: the send was aborted, see the cause. */
    public static final String ABORTED = "ABORTED";

    /** Partition value of a failure that happened before a partition was chosen. */
    public static final int NO_PARTITION = -1;

    private final String topic;
    private final int partition;
    private final String broker;
    private final Errors error;
    private final String code;
    private final Persistence persistence;

    /**
     * @param detail      what went wrong, without the context fields (they are appended)
     * @param topic       the topic
     * @param partition   the partition, or {@link #NO_PARTITION}
     * @param broker      the broker involved (e.g. {@code "node 1 (127.0.0.1:9092)"}), or null
     * @param error       the error a broker answered, or null for a client-side failure
     * @param code        the client code; ignored (may be null) when {@code error} is given
     * @param persistence whether the record may be stored
     * @param cause       the underlying failure, or null
     */
    protected SendFailedException(String detail, String topic, int partition, String broker, Errors error,
            String code, Persistence persistence, Throwable cause) {
        super(message(detail, topic, partition, broker, error, code, persistence), cause);
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = partition;
        this.broker = broker;
        this.error = error;
        this.code = error != null ? error.name() : Objects.requireNonNull(code, "code");
        this.persistence = Objects.requireNonNull(persistence, "persistence");
    }

    /**
     * The exception for an error code a broker answered to a produce request: a {@link SendConfigurationException}
     * for errors only a settings change fixes (message too large, authorization, unsupported compression), else
     * retriable or fatal as {@link Errors#retriable()} says.
     *
     * @param earlierAttemptMayHavePersisted whether an earlier attempt of the same batch ended without an answer
     */
    public static SendFailedException forError(Errors error, String topic, int partition, String broker,
            boolean earlierAttemptMayHavePersisted) {
        if (error == null || error == Errors.NONE) {
            throw new IllegalArgumentException("not an error: " + error);
        }
        Persistence persistence = earlierAttemptMayHavePersisted || mayHaveStored(error)
                ? Persistence.POSSIBLY_PERSISTED : Persistence.NOT_PERSISTED;
        String detail = error.message();
        if (isConfigurationError(error)) {
            return new SendConfigurationException(detail, topic, partition, broker, error, null, persistence, null);
        }
        return error.retriable()
                ? new RetriableSendException(detail, topic, partition, broker, error, null, persistence, null)
                : new FatalSendException(detail, topic, partition, broker, error, null, persistence, null);
    }

    /** The topic of the record. */
    public String topic() {
        return topic;
    }

    /** The partition, or {@link #NO_PARTITION} when the failure came before one was chosen. */
    public int partition() {
        return partition;
    }

    /** The broker involved, if any. */
    public Optional<String> broker() {
        return Optional.ofNullable(broker);
    }

    /** The error code a broker answered, if the failure came from one. */
    public Optional<Errors> error() {
        return Optional.ofNullable(error);
    }

    /** The Kafka error name, or a client code such as {@link #BUFFER_EXHAUSTED}; stable, for metrics and logs. */
    public String code() {
        return code;
    }

    /** Whether the record may be stored despite the failure. */
    public Persistence persistence() {
        return persistence;
    }

    /** Whether sending the record again may succeed. */
    public abstract boolean isRetriable();

    private static boolean mayHaveStored(Errors error) {
        // the leader appended but the replicas did not confirm in time
        return error == Errors.NOT_ENOUGH_REPLICAS_AFTER_APPEND || error == Errors.REQUEST_TIMED_OUT;
    }

    private static boolean isConfigurationError(Errors error) {
        return switch (error) {
            case MESSAGE_TOO_LARGE, RECORD_LIST_TOO_LARGE, INVALID_REQUIRED_ACKS, UNSUPPORTED_COMPRESSION_TYPE,
                    UNSUPPORTED_FOR_MESSAGE_FORMAT, TOPIC_AUTHORIZATION_FAILED, CLUSTER_AUTHORIZATION_FAILED,
                    TRANSACTIONAL_ID_AUTHORIZATION_FAILED, SASL_AUTHENTICATION_FAILED -> true;
            default -> false;
        };
    }

    private static String message(String detail, String topic, int partition, String broker, Errors error,
            String code, Persistence persistence) {
        StringBuilder message = new StringBuilder("Send to ").append(topic);
        if (partition != NO_PARTITION) {
            message.append('-').append(partition);
        }
        if (broker != null) {
            message.append(" via broker ").append(broker);
        }
        message.append(" failed [").append(error != null ? error.name() : code).append("]: ").append(detail)
                .append(" (record ").append(persistence).append(')');
        return message.toString();
    }
}

package io.mq.spring.core;

import io.mq.producer.SendFailedException;
import io.mq.producer.SendResult;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.Message;

/**
 * Sends application objects as records. Payloads are converted to bytes by Spring Messaging
 * {@link org.springframework.messaging.converter.MessageConverter}s (by default: {@code byte[]} as is, {@code String}
 * as UTF-8 text, anything else as JSON) and the content type travels in the record header
 * {@value MqHeaders#CONTENT_TYPE}. Keys are {@code String} (sent as UTF-8) or {@code byte[]}; a {@code null} key
 * lets the partitioner spread records, a {@code null} payload sends a tombstone.
 *
 * <p>{@code send} returns at once; its future completes on an engine thread (callbacks must not block).
 * {@code sendSync} waits for the broker's answer. {@code sendOneway} is fire-and-forget ({@code acks=0}).
 * Failures are {@link SendFailedException}s; an unconvertible payload or key fails at once with an
 * {@link IllegalArgumentException} or a {@link org.springframework.messaging.converter.MessageConversionException}.
 */
public interface MqOperations {

    /** Sends {@code payload} to {@code topic} without a key. */
    CompletableFuture<SendResult> send(String topic, Object payload);

    /** Sends {@code payload} to {@code topic} with {@code key} ({@code String}, {@code byte[]} or {@code null}). */
    CompletableFuture<SendResult> send(String topic, Object key, Object payload);

    /** Sends {@code payload} to {@code partition} of {@code topic} ({@code null} partition: the partitioner picks). */
    CompletableFuture<SendResult> send(String topic, Integer partition, Object key, Object payload);

    /**
     * Sends a message: the {@link MqHeaders} address the record (the default topic when {@link MqHeaders#TOPIC} is
     * absent); the message's other headers with {@code String} or {@code byte[]} values become record headers.
     */
    CompletableFuture<SendResult> send(Message<?> message);

    /**
     * Sends {@code payload} to the default topic ({@code mq.template.default-topic}).
     *
     * @throws IllegalStateException if no default topic is configured
     */
    CompletableFuture<SendResult> sendDefault(Object payload);

    /** {@link #sendDefault(Object)} with a key. */
    CompletableFuture<SendResult> sendDefault(Object key, Object payload);

    /** {@link #sendDefault(Object)} with a partition and a key. */
    CompletableFuture<SendResult> sendDefault(Integer partition, Object key, Object payload);

    /**
     * Sends and waits for the broker's answer; the record's batch goes without waiting for the linger time.
     *
     * @throws SendFailedException if the send failed
     */
    SendResult sendSync(String topic, Object payload);

    /** {@link #sendSync(String, Object)} with a key. */
    SendResult sendSync(String topic, Object key, Object payload);

    /** {@link #sendSync(String, Object)} with a partition and a key. */
    SendResult sendSync(String topic, Integer partition, Object key, Object payload);

    /** {@link #send(Message)}, waiting for the broker's answer. */
    SendResult sendSync(Message<?> message);

    /**
     * Sends fire-and-forget ({@code acks=0}, no answer): failures on the broker go unseen.
     *
     * @throws SendFailedException if the record is refused at once (too large, buffer full, producer closed)
     */
    void sendOneway(String topic, Object key, Object payload);

    /** {@link #send(Message)} fire-and-forget. */
    void sendOneway(Message<?> message);

    /** Sends every record sent so far without waiting for linger; completes when they have all completed. */
    CompletableFuture<Void> flush();
}

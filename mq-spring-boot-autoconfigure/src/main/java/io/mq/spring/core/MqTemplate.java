package io.mq.spring.core;

import io.mq.producer.MqProducer;
import io.mq.producer.ProducerRecord;
import io.mq.producer.SendResult;
import io.mq.protocol.record.Header;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.util.MimeTypeUtils;

/**
 * The {@link MqOperations} over an {@link MqProducer}. Thread-safe; it does not own the producer (closing the
 * template is not needed, close the producer).
 *
 * <p>Payloads: a {@code byte[]} is sent as is, and so is a {@code String} (as UTF-8) whose message names its
 * {@link MessageHeaders#CONTENT_TYPE} (e.g. JSON serialized already); anything else goes through the
 * {@link MessageConverter} (the auto-configured one handles {@code String} as UTF-8 {@code text/plain} and other
 * objects as JSON with the application's {@code ObjectMapper}). The content type is sent in the record header
 * {@value MqHeaders#CONTENT_TYPE}.
 */
public final class MqTemplate implements MqOperations {

    private static final Log logger = LogFactory.getLog(MqTemplate.class);

    /** Message headers never copied into the record. */
    private static final Set<String> NOT_COPIED = Set.of(MessageHeaders.ID, MessageHeaders.TIMESTAMP,
            MessageHeaders.CONTENT_TYPE, MqHeaders.TOPIC, MqHeaders.KEY, MqHeaders.PARTITION, MqHeaders.TIMESTAMP);

    private final MqProducer producer;
    private final MessageConverter converter;
    private final String defaultTopic;
    private final SendInstrumentation instrumentation;

    /**
     * A template sending {@code byte[]} and {@code String} payloads, without default topic or instrumentation.
     */
    public MqTemplate(MqProducer producer) {
        this(producer, new CompositeMessageConverter(
                List.of(new ByteArrayMessageConverter(), new StringMessageConverter())), null,
                SendInstrumentation.NONE);
    }

    /**
     * @param producer        the producer that sends the records
     * @param converter       converts payloads other than {@code byte[]} to bytes
     * @param defaultTopic    the topic of {@code sendDefault}, or {@code null}
     * @param instrumentation observes each send
     */
    public MqTemplate(MqProducer producer, MessageConverter converter, String defaultTopic,
            SendInstrumentation instrumentation) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.converter = Objects.requireNonNull(converter, "converter");
        this.defaultTopic = defaultTopic == null || defaultTopic.isBlank() ? null : defaultTopic;
        this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation");
    }

    /** The topic of {@code sendDefault}, or {@code null} when none is configured. */
    public String getDefaultTopic() {
        return defaultTopic;
    }

    @Override
    public CompletableFuture<SendResult> send(String topic, Object payload) {
        return send(topic, null, null, payload);
    }

    @Override
    public CompletableFuture<SendResult> send(String topic, Object key, Object payload) {
        return send(topic, null, key, payload);
    }

    @Override
    public CompletableFuture<SendResult> send(String topic, Integer partition, Object key, Object payload) {
        return send(prepare(topic, partition, key, null, payload, Map.of()));
    }

    @Override
    public CompletableFuture<SendResult> send(Message<?> message) {
        return send(prepare(message));
    }

    @Override
    public CompletableFuture<SendResult> sendDefault(Object payload) {
        return send(requireDefaultTopic(), null, null, payload);
    }

    @Override
    public CompletableFuture<SendResult> sendDefault(Object key, Object payload) {
        return send(requireDefaultTopic(), null, key, payload);
    }

    @Override
    public CompletableFuture<SendResult> sendDefault(Integer partition, Object key, Object payload) {
        return send(requireDefaultTopic(), partition, key, payload);
    }

    @Override
    public SendResult sendSync(String topic, Object payload) {
        return sendSync(topic, null, null, payload);
    }

    @Override
    public SendResult sendSync(String topic, Object key, Object payload) {
        return sendSync(topic, null, key, payload);
    }

    @Override
    public SendResult sendSync(String topic, Integer partition, Object key, Object payload) {
        return sendSync(prepare(topic, partition, key, null, payload, Map.of()));
    }

    @Override
    public SendResult sendSync(Message<?> message) {
        return sendSync(prepare(message));
    }

    @Override
    public void sendOneway(String topic, Object key, Object payload) {
        sendOneway(prepare(topic, null, key, null, payload, Map.of()));
    }

    @Override
    public void sendOneway(Message<?> message) {
        sendOneway(prepare(message));
    }

    @Override
    public CompletableFuture<Void> flush() {
        return producer.flush();
    }

    private CompletableFuture<SendResult> send(Prepared prepared) {
        SendInstrumentation.Send observed = instrumentation.start(prepared.topic(), prepared.headers());
        CompletableFuture<SendResult> future;
        try {
            future = producer.send(prepared.record());
        }
        catch (RuntimeException ex) {
            observed.completed(null, ex);
            throw ex;
        }
        return future.whenComplete(observed::completed);
    }

    private SendResult sendSync(Prepared prepared) {
        SendInstrumentation.Send observed = instrumentation.start(prepared.topic(), prepared.headers());
        try {
            SendResult result = producer.sendSync(prepared.record());
            observed.completed(result, null);
            return result;
        }
        catch (RuntimeException ex) {
            observed.completed(null, ex);
            throw ex;
        }
    }

    private void sendOneway(Prepared prepared) {
        SendInstrumentation.Send observed = instrumentation.start(prepared.topic(), prepared.headers());
        try {
            producer.sendOneway(prepared.record());
            observed.completed(null, null);
        }
        catch (RuntimeException ex) {
            observed.completed(null, ex);
            throw ex;
        }
    }

    private String requireDefaultTopic() {
        if (defaultTopic == null) {
            throw new IllegalStateException("MqTemplate has no default topic: set mq.template.default-topic, or "
                    + "name the topic with send(topic, ...)");
        }
        return defaultTopic;
    }

    private Prepared prepare(Message<?> message) {
        MessageHeaders headers = message.getHeaders();
        Object topic = headers.get(MqHeaders.TOPIC);
        String topicName = topic != null ? topic.toString() : requireDefaultTopic();
        Integer partition = number(headers, MqHeaders.PARTITION, Number::intValue, Integer::valueOf);
        Object timestamp = headers.get(MqHeaders.TIMESTAMP);
        Long millis = timestamp instanceof Instant instant ? Long.valueOf(instant.toEpochMilli())
                : number(headers, MqHeaders.TIMESTAMP, Number::longValue, Long::valueOf);
        return prepare(topicName, partition, headers.get(MqHeaders.KEY), millis, message.getPayload(), headers);
    }

    private static <T> T number(MessageHeaders headers, String name, Function<Number, T> fromNumber,
            Function<String, T> parse) {
        Object value = headers.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return fromNumber.apply(number);
        }
        try {
            return parse.apply(value.toString().trim());
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("message header " + name + " must be a number, was '" + value + "'",
                    ex);
        }
    }

    private Prepared prepare(String topic, Integer partition, Object key, Long timestamp, Object payload,
            Map<String, Object> messageHeaders) {
        Objects.requireNonNull(topic, "topic");
        List<Header> headers = new ArrayList<>();
        byte[] value = payload == null ? null : convert(topic, payload, messageHeaders, headers);
        messageHeaders.forEach((name, headerValue) -> {
            if (NOT_COPIED.contains(name)) {
                return;
            }
            if (headerValue instanceof byte[] bytes) {
                headers.add(new Header(name, bytes));
            }
            else if (headerValue instanceof String text) {
                headers.add(new Header(name, text.getBytes(StandardCharsets.UTF_8)));
            }
            else if (logger.isDebugEnabled()) {
                logger.debug("Message header '" + name + "' of type " + headerValue.getClass().getName()
                        + " is not sent: only String and byte[] header values become record headers");
            }
        });
        byte[] keyBytes = key(topic, key);
        int partitionValue = partition == null ? ProducerRecord.ANY_PARTITION : partition;
        long timestampValue = timestamp == null ? ProducerRecord.NO_TIMESTAMP : timestamp;
        return new Prepared(topic, headers,
                () -> new ProducerRecord(topic, partitionValue, timestampValue, keyBytes, value, headers));
    }

    private byte[] convert(String topic, Object payload, Map<String, Object> messageHeaders, List<Header> headers) {
        Object contentType = messageHeaders.get(MessageHeaders.CONTENT_TYPE);
        if (payload instanceof byte[] bytes) {
            headers.add(contentTypeHeader(contentType != null ? contentType : MimeTypeUtils.APPLICATION_OCTET_STREAM));
            return bytes;
        }
        if (payload instanceof String text && contentType != null) {
            headers.add(contentTypeHeader(contentType));
            return text.getBytes(StandardCharsets.UTF_8);
        }
        Message<?> converted = converter.toMessage(payload, new MessageHeaders(messageHeaders));
        if (converted == null) {
            throw new MessageConversionException("no converter for a payload of type " + payload.getClass().getName()
                    + (contentType != null ? " with content type " + contentType : "") + " (topic " + topic + ")");
        }
        Object convertedType = converted.getHeaders().get(MessageHeaders.CONTENT_TYPE);
        if (convertedType != null) {
            headers.add(contentTypeHeader(convertedType));
        }
        Object bytes = converted.getPayload();
        if (bytes instanceof byte[] array) {
            return array;
        }
        if (bytes instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new MessageConversionException("the converter turned a " + payload.getClass().getName() + " into a "
                + bytes.getClass().getName() + "; MqTemplate needs byte[] or String (topic " + topic + ")");
    }

    private static Header contentTypeHeader(Object contentType) {
        return new Header(MqHeaders.CONTENT_TYPE, contentType.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] key(String topic, Object key) {
        if (key == null || key instanceof byte[]) {
            return (byte[]) key;
        }
        if (key instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("a record key must be a String or a byte[], was a "
                + key.getClass().getName() + " (topic " + topic + ")");
    }

    /** A record whose headers the instrumentation may still extend before it is built. */
    private record Prepared(String topic, List<Header> headers, Supplier<ProducerRecord> builder) {

        ProducerRecord record() {
            return builder.get();
        }
    }
}

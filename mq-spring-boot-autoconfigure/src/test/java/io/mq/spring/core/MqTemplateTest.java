package io.mq.spring.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.mq.producer.MqProducer;
import io.mq.producer.ProducerRecord;
import io.mq.producer.SendResult;
import io.mq.protocol.record.Header;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.support.MessageBuilder;

class MqTemplateTest {

    private final MqProducer producer = mock(MqProducer.class);
    private final ArgumentCaptor<ProducerRecord> sent = ArgumentCaptor.forClass(ProducerRecord.class);

    record OrderPlaced(String orderId, long amountCents) {
    }

    @BeforeEach
    void producerAcceptsEverything() {
        when(producer.send(any())).thenReturn(CompletableFuture.completedFuture(new SendResult("t", 0, 1, 2)));
        when(producer.sendSync(any())).thenReturn(new SendResult("t", 0, 1, 2));
    }

    private MqTemplate template(String defaultTopic, SendInstrumentation instrumentation) {
        MappingJackson2MessageConverter json = new MappingJackson2MessageConverter();
        json.setObjectMapper(new ObjectMapper());
        return new MqTemplate(producer, new CompositeMessageConverter(
                List.of(new ByteArrayMessageConverter(), new StringMessageConverter(), json)), defaultTopic,
                instrumentation);
    }

    private ProducerRecord lastSent() {
        verify(producer).send(sent.capture());
        return sent.getValue();
    }

    private static String header(ProducerRecord record, String name) {
        return record.headers().stream().filter(header -> header.key().equals(name))
                .map(header -> new String(header.value(), StandardCharsets.UTF_8)).findFirst().orElse(null);
    }

    @Test
    void objectPayloadIsSentAsJsonWithContentTypeAndStringKey() {
        template(null, SendInstrumentation.NONE).send("orders", 2, "customer-7", new OrderPlaced("o-1", 1250));

        ProducerRecord record = lastSent();
        assertThat(record.topic()).isEqualTo("orders");
        assertThat(record.partition()).isEqualTo(2);
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("customer-7");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"orderId\":\"o-1\",\"amountCents\":1250}");
        assertThat(header(record, MqHeaders.CONTENT_TYPE)).isEqualTo("application/json");
    }

    @Test
    void stringPayloadIsSentAsUtf8Text() {
        template(null, SendInstrumentation.NONE).send("greetings", "grüße");

        ProducerRecord record = lastSent();
        assertThat(record.key()).isNull();
        assertThat(record.hasPartition()).isFalse();
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("grüße");
        assertThat(header(record, MqHeaders.CONTENT_TYPE)).startsWith("text/plain");
    }

    @Test
    void bytePayloadAndKeyPassThroughUnchanged() {
        byte[] key = {1, 2};
        byte[] value = {3, 4, 5};
        template(null, SendInstrumentation.NONE).send("raw", key, value);

        ProducerRecord record = lastSent();
        assertThat(record.key()).isSameAs(key);
        assertThat(record.value()).isSameAs(value);
        assertThat(header(record, MqHeaders.CONTENT_TYPE)).isEqualTo("application/octet-stream");
    }

    @Test
    void nullPayloadSendsATombstoneWithoutContentType() {
        template(null, SendInstrumentation.NONE).send("compacted", "k", null);

        ProducerRecord record = lastSent();
        assertThat(record.value()).isNull();
        assertThat(record.headers()).isEmpty();
    }

    @Test
    void messageHeadersAddressTheRecordAndOtherStringOrByteHeadersAreCopied() {
        Instant createdAt = Instant.ofEpochMilli(1_700_000_000_000L);
        template(null, SendInstrumentation.NONE).send(MessageBuilder.withPayload("hello")
                .setHeader(MqHeaders.TOPIC, "events").setHeader(MqHeaders.KEY, "k1")
                .setHeader(MqHeaders.PARTITION, "1").setHeader(MqHeaders.TIMESTAMP, createdAt)
                .setHeader("tenant", "acme").setHeader("raw", new byte[] {9}).setHeader("count", 3).build());

        ProducerRecord record = lastSent();
        assertThat(record.topic()).isEqualTo("events");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("k1");
        assertThat(record.partition()).isEqualTo(1);
        assertThat(record.timestamp()).isEqualTo(createdAt.toEpochMilli());
        assertThat(record.headers()).extracting(Header::key)
                .containsExactlyInAnyOrder(MqHeaders.CONTENT_TYPE, "tenant", "raw");
        assertThat(header(record, "tenant")).isEqualTo("acme");
    }

    @Test
    void messageWithoutTopicHeaderGoesToTheDefaultTopic() {
        template("fallback", SendInstrumentation.NONE).send(MessageBuilder.withPayload("x").build());

        assertThat(lastSent().topic()).isEqualTo("fallback");
    }

    @Test
    void sendDefaultUsesTheDefaultTopic() {
        template("audit", SendInstrumentation.NONE).sendDefault("user-1", "logged in");

        ProducerRecord record = lastSent();
        assertThat(record.topic()).isEqualTo("audit");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("user-1");
    }

    @Test
    void sendDefaultWithoutDefaultTopicFailsNamingTheProperty() {
        MqTemplate template = template(null, SendInstrumentation.NONE);

        assertThatIllegalStateException().isThrownBy(() -> template.sendDefault("payload"))
                .withMessageContaining("mq.template.default-topic");
        assertThatIllegalStateException().isThrownBy(() -> template.send(MessageBuilder.withPayload("x").build()))
                .withMessageContaining("mq.template.default-topic");
    }

    @Test
    void keyOfAnotherTypeFailsNamingTheType() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> template(null, SendInstrumentation.NONE).send("orders", 42L, "payload"))
                .withMessageContaining("java.lang.Long").withMessageContaining("String or a byte[]");
    }

    @Test
    void payloadNoConverterAcceptsFailsWithAConversionError() {
        MqTemplate plain = new MqTemplate(producer);

        assertThatExceptionOfType(MessageConversionException.class)
                .isThrownBy(() -> plain.send("orders", new OrderPlaced("o-1", 1)))
                .withMessageContaining(OrderPlaced.class.getName());
    }

    @Test
    void sendSyncAndOnewayUseTheMatchingProducerCalls() {
        MqTemplate template = template(null, SendInstrumentation.NONE);

        assertThat(template.sendSync("orders", "k", "v").offset()).isEqualTo(1);
        template.sendOneway("orders", "k", "v");

        verify(producer).sendSync(any());
        verify(producer).sendOneway(any());
    }

    @Test
    void timerRecordsSuccessAndFailureTaggedByTopic() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MqTemplate template = template(null, new TimerSendInstrumentation(registry));
        when(producer.send(any())).thenReturn(CompletableFuture.completedFuture(new SendResult("ok", 0, 0, 0)))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("boom")));

        template.send("ok", "v");
        template.send("bad", "v");

        Timer success = registry.get("mq.template").tags("topic", "ok", "result", "success", "exception", "none")
                .timer();
        Timer failure = registry.get("mq.template")
                .tags("topic", "bad", "result", "failure", "exception", "IllegalStateException").timer();
        assertThat(success.count()).isEqualTo(1);
        assertThat(failure.count()).isEqualTo(1);
    }

    @Test
    void observationInjectsTraceContextIntoRecordHeaders() {
        ObservationRegistry registry = ObservationRegistry.create();
        List<String> observed = new ArrayList<>();
        registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
            @Override
            public void onStart(Observation.Context context) {
                ObservationSendInstrumentation.MqSenderContext sender =
                        (ObservationSendInstrumentation.MqSenderContext) context;
                sender.getSetter().set(sender.getCarrier(), "traceparent", "00-trace-span-01");
                observed.add("start " + sender.getTopic());
            }

            @Override
            public void onStop(Observation.Context context) {
                observed.add("stop " + context.getName());
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof ObservationSendInstrumentation.MqSenderContext;
            }
        });

        template(null, new ObservationSendInstrumentation(registry)).send("orders", "k", Map.of("a", 1));

        assertThat(header(lastSent(), "traceparent")).isEqualTo("00-trace-span-01");
        assertThat(observed).containsExactly("start orders", "stop mq.template");
    }

    @Test
    void stringWithAnExplicitContentTypeIsSentAsIs() {
        template(null, SendInstrumentation.NONE).send(MessageBuilder.withPayload("{\"a\":1}")
                .setHeader(MqHeaders.TOPIC, "events").setHeader("contentType", "application/json").build());

        ProducerRecord record = lastSent();
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(header(record, MqHeaders.CONTENT_TYPE)).isEqualTo("application/json");
    }
}

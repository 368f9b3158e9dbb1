package io.mq.spring.core;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import io.mq.protocol.record.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Observes each send with Micrometer Observation: an observation named {@value #OBSERVATION_NAME} with the
 * low-cardinality key value {@code topic} and a {@link MqSenderContext} whose carrier is the record's headers, so a
 * tracing handler (Micrometer Tracing) injects the trace context (e.g. {@code traceparent}) into the record.
 */
public final class ObservationSendInstrumentation implements SendInstrumentation {

    /** The observation's name (and, with the default meter handler, the timer's). */
    public static final String OBSERVATION_NAME = "mq.template";

    private final ObservationRegistry registry;

    /** Observes sends in {@code registry}. */
    public ObservationSendInstrumentation(ObservationRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Send start(String topic, List<Header> headers) {
        MqSenderContext context = new MqSenderContext(topic, headers);
        Observation observation = Observation.createNotStarted(OBSERVATION_NAME, () -> context, registry)
                .contextualName(topic + " send")
                .lowCardinalityKeyValue("topic", topic)
                .start();
        return (result, failure) -> {
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        };
    }

    /** The sender context of one send: its carrier is the record's mutable header list. */
    public static final class MqSenderContext extends SenderContext<List<Header>> {

        private final String topic;

        MqSenderContext(String topic, List<Header> headers) {
            super((carrier, key, value) -> {
                if (carrier != null) {
                    carrier.removeIf(header -> header.key().equals(key));
                    carrier.add(new Header(key, value.getBytes(StandardCharsets.UTF_8)));
                }
            }, Kind.PRODUCER);
            this.topic = topic;
            setCarrier(headers);
            setRemoteServiceName("mq");
        }

        /** The topic the record is sent to. */
        public String getTopic() {
            return topic;
        }
    }
}

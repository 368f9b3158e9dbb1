package io.mq.spring.core;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mq.protocol.record.Header;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;

/**
 * Times each send with the Micrometer timer {@value #METER_NAME}, tagged {@code topic}, {@code result}
 * ({@code success} or {@code failure}) and {@code exception} (the failure's simple class name, or {@code none}).
 * A one-way send is timed until the producer has accepted it.
 */
public final class TimerSendInstrumentation implements SendInstrumentation {

    /** The timer's name. */
    public static final String METER_NAME = "mq.template";

    private final MeterRegistry registry;

    /** Registers the timers in {@code registry}. */
    public TimerSendInstrumentation(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Send start(String topic, List<Header> headers) {
        Timer.Sample sample = Timer.start(registry);
        return (result, failure) -> sample.stop(Timer.builder(METER_NAME)
                .description("Time MqTemplate sends take until the broker answers")
                .tag("topic", topic)
                .tag("result", failure == null ? "success" : "failure")
                .tag("exception", failure == null ? "none" : unwrap(failure).getClass().getSimpleName())
                .register(registry));
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}

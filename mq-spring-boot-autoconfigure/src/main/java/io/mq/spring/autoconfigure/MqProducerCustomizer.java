package io.mq.spring.autoconfigure;

import io.mq.producer.ProducerOptions;

/**
 * Adjusts the producer options built from {@code mq.producer.*} before they are validated, e.g. to add a
 * {@link io.mq.producer.ProducerInterceptor}.
 */
@FunctionalInterface
public interface MqProducerCustomizer {

    void customize(ProducerOptions.Builder builder);
}

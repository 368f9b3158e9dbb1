package io.mq.spring.autoconfigure;

import io.mq.broker.EmbeddedBroker;

/** Adjusts the embedded broker's builder after {@code mq.embedded.*} has been applied, before the broker starts. */
@FunctionalInterface
public interface EmbeddedBrokerCustomizer {

    void customize(EmbeddedBroker.Builder builder);
}

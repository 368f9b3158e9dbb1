package io.mq.spring.autoconfigure;

/**
 * Where mq's clients connect: {@code mq.bootstrap-servers} when set, otherwise the embedded broker's address. Define a
 * bean of this type to resolve the servers another way (e.g. from a service registry).
 */
@FunctionalInterface
public interface MqConnectionDetails {

    /** Comma-separated {@code host:port} list. */
    String bootstrapServers();
}

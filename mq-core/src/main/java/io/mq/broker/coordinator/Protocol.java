package io.mq.broker.coordinator;

import java.util.Arrays;
import java.util.Objects;

/**
 * A protocol a member supports, e.g. the assignor {@code "range"} of protocol type {@code "consumer"}.
 *
 * @param name     protocol name
 * @param metadata opaque to the coordinator (for consumers: the serialized subscription)
 */
public record Protocol(String name, byte[] metadata) {

    public Protocol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** Same name and the same metadata bytes. */
    boolean sameAs(Protocol other) {
        return name.equals(other.name) && Arrays.equals(metadata, other.metadata);
    }
}

package io.mq.protocol.types;

import java.util.UUID;

/** Kafka's UUID conventions: the all-zero UUID means "no id". */
public final class Uuids {

    /** The zero UUID Kafka uses for "no topic id". */
    public static final UUID ZERO = new UUID(0L, 0L);

    private Uuids() {
    }
}

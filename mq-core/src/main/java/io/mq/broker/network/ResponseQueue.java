package io.mq.broker.network;

import io.mq.protocol.message.ApiMessage;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Keeps a connection's responses in request order: each request takes a slot when it arrives, and completed slots
 * are released only from the head. Slots completed with no body (acks=0 produce) are dropped silently.
 * Confined to the connection's event loop.
 */
final class ResponseQueue {

    private final ArrayDeque<Slot> slots = new ArrayDeque<>();

    /** Takes the next slot for a request. */
    Slot add(int correlationId, short version) {
        Slot slot = new Slot(correlationId, version);
        slots.addLast(slot);
        return slot;
    }

    /** Number of requests still waiting for their response to be written. */
    int pending() {
        return slots.size();
    }

    /** Passes every completed slot at the head, in order, to {@code writer}. */
    void drain(Consumer<Slot> writer) {
        while (!slots.isEmpty() && slots.peekFirst().done) {
            Slot slot = slots.pollFirst();
            if (slot.response != null) {
                writer.accept(slot);
            }
        }
    }

    /** Releases the responses of completed slots stuck behind an unfinished one (the connection is gone). */
    void releasePending(Consumer<ApiMessage> release) {
        for (Slot slot : slots) {
            if (slot.done && slot.response != null) {
                release.accept(slot.response);
            }
        }
        slots.clear();
    }

    /** One request's place in line. */
    static final class Slot {
        final int correlationId;
        final short version;
        ApiMessage response;
        boolean done;

        private Slot(int correlationId, short version) {
            this.correlationId = correlationId;
            this.version = version;
        }

        void complete(ApiMessage response) {
            this.response = response;
            this.done = true;
        }
    }
}

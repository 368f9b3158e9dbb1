package io.mq.admin;

import io.mq.client.MqException;
import java.util.Objects;

/**
 * The outcome for one item (a topic, a group) of an admin request naming several: either its value or the typed
 * error the broker answered for it. Other items of the same request are unaffected.
 *
 * @param name  the topic or group
 * @param value the value on success ({@code null} for operations without one, such as deletes)
 * @param error the error, or {@code null} on success
 * @param <T>   the value type
 */
public record Outcome<T>(String name, T value, MqException error) {

    public Outcome {
        Objects.requireNonNull(name, "name");
    }

    /** A success. */
    public static <T> Outcome<T> success(String name, T value) {
        return new Outcome<>(name, value, null);
    }

    /** A failure. */
    public static <T> Outcome<T> failure(String name, MqException error) {
        return new Outcome<>(name, null, Objects.requireNonNull(error, "error"));
    }

    /** Whether the operation succeeded for this item. */
    public boolean isSuccess() {
        return error == null;
    }

    /** The value, or the error thrown. */
    public T orThrow() {
        if (error != null) {
            throw error;
        }
        return value;
    }
}

package io.mq.admin;

import java.util.Objects;

/**
 * One change of a config entry for {@link MqAdmin#alterConfigs}: entries not named keep their values.
 *
 * @param operation what to do
 * @param value     the value to set, or the comma-separated items to append or subtract; {@code null} for
 *                  {@link Operation#DELETE}
 */
public record ConfigChange(Operation operation, String value) {

    /** Checks that every operation but DELETE has a value. */
    public ConfigChange {
        Objects.requireNonNull(operation, "operation");
        if (operation != Operation.DELETE && value == null) {
            throw new IllegalArgumentException(operation + " needs a value");
        }
    }

    /** Sets the entry to {@code value}. */
    public static ConfigChange set(String value) {
        return new ConfigChange(Operation.SET, value);
    }

    /** Removes the entry set on the resource, so it reverts to its default. */
    public static ConfigChange delete() {
        return new ConfigChange(Operation.DELETE, null);
    }

    /** Adds {@code items} (comma-separated) to a list entry such as {@code cleanup.policy}. */
    public static ConfigChange append(String items) {
        return new ConfigChange(Operation.APPEND, items);
    }

    /** Removes {@code items} (comma-separated) from a list entry. */
    public static ConfigChange subtract(String items) {
        return new ConfigChange(Operation.SUBTRACT, items);
    }

    /** The operations of IncrementalAlterConfigs, with their wire codes. */
    public enum Operation {
        /** Set the value. */
        SET,
        /** Remove the value (revert to the default). */
        DELETE,
        /** Add items to a list value. */
        APPEND,
        /** Remove items from a list value. */
        SUBTRACT;

        /** The wire code (0 set, 1 delete, 2 append, 3 subtract). */
        public byte code() {
            return (byte) ordinal();
        }
    }
}

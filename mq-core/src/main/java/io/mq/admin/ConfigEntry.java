package io.mq.admin;

/**
 * One config of a topic or broker.
 *
 * @param name      the config key
 * @param value     its value; {@code null} for sensitive values and unset entries
 * @param source    where the value comes from
 * @param readOnly  whether it cannot be changed
 * @param sensitive whether the value is secret (and therefore not returned)
 */
public record ConfigEntry(String name, String value, ConfigSource source, boolean readOnly, boolean sensitive) {

    /** Whether the value is the default rather than one set on the resource or the broker. */
    public boolean isDefault() {
        return source == ConfigSource.DEFAULT;
    }
}

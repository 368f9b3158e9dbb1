package io.mq.spring.web;

import io.mq.admin.ConfigEntry;
import java.util.Map;
import java.util.TreeMap;

/**
 * The value of one topic config.
 *
 * @param value     the value; {@code null} for sensitive or unset entries
 * @param source    where it comes from ({@code DEFAULT}, {@code DYNAMIC_TOPIC}, {@code STATIC_BROKER}, ...)
 * @param readOnly  whether it cannot be changed
 * @param sensitive whether the value is secret and therefore not shown
 */
public record ConfigView(String value, String source, boolean readOnly, boolean sensitive) {

    static ConfigView of(ConfigEntry entry) {
        return new ConfigView(entry.value(), entry.source().name(), entry.readOnly(), entry.sensitive());
    }

    /** The views of {@code configs}, sorted by name. */
    static Map<String, ConfigView> of(Map<String, ConfigEntry> configs) {
        Map<String, ConfigView> views = new TreeMap<>();
        configs.forEach((name, entry) -> views.put(name, of(entry)));
        return views;
    }
}

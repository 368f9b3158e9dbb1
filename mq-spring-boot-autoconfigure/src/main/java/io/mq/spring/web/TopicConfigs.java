package io.mq.spring.web;

import java.util.Map;

/**
 * Body of {@code GET} and {@code PATCH /admin/topics/{topic}/configs}.
 *
 * @param topic   the topic name
 * @param configs every config of the topic by name (sorted)
 */
public record TopicConfigs(String topic, Map<String, ConfigView> configs) {
}

package io.mq.spring.web;

/**
 * Body of {@code POST /admin/topics/{topic}/partitions}.
 *
 * @param topic        the topic name
 * @param partitions   the new total partition count
 * @param validateOnly whether the change was only validated, not applied
 */
public record PartitionsChange(String topic, int partitions, boolean validateOnly) {
}

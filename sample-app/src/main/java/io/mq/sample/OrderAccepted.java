package io.mq.sample;

/**
 * Body of the 202 answer to {@code POST /orders}: where the {@link OrderPlaced} event was stored.
 *
 * @param orderId   the assigned order id
 * @param topic     the topic of the event
 * @param partition its partition
 * @param offset    its offset in the partition
 */
public record OrderAccepted(String orderId, String topic, int partition, long offset) {
}

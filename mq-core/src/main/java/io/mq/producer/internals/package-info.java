/**
 * The producer engine behind {@link io.mq.producer.MqProducer}: {@code DefaultMqProducer} (facade and lifecycle), the
 * record router and the holding area for records of unknown topics, bounded buffer memory, batches, the record
 * accumulator, the sender that drains it into Produce requests on one shared event loop (with its outcome handling,
 * producer-id management and topic waits), idempotent sequence state and metrics recording. Users never import it.
 */
package io.mq.producer.internals;

/**
 * The classic consumer-group coordinator: group membership and the rebalance state machine, session timers, and
 * committed offsets stored in the internal {@code __consumer_offsets} topic of the commit log.
 */
package io.mq.broker.coordinator;

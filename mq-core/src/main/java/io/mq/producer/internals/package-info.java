/**
 * The producer engine's network-independent internals: bounded buffer memory, batches, the record accumulator, the
 * holding area for records of unknown topics, idempotent sequence state and metrics recording. Users never import it.
 */
package io.mq.producer.internals;

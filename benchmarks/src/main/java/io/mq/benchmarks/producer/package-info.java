/**
 * The producer engines the benchmarks compare, behind one small {@link io.mq.benchmarks.producer.ProducerUnderTest}
 * interface: kafka-clients' {@code KafkaProducer} now, our {@code MqProducer} when the engine lands (see
 * {@link io.mq.benchmarks.producer.MqProducerEngine}).
 */
package io.mq.benchmarks.producer;

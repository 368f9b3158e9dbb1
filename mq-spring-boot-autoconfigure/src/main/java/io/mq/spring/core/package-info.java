/**
 * Sending from Spring applications: {@link io.mq.spring.core.MqOperations} and its implementation
 * {@link io.mq.spring.core.MqTemplate} (payload conversion with Spring Messaging converters), the
 * {@link io.mq.spring.core.MqHeaders} of a {@link org.springframework.messaging.Message}, and the optional
 * instrumentation of sends (Micrometer Observation or a timer).
 */
package io.mq.spring.core;

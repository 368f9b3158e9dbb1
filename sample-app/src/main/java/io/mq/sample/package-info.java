/** The mq sample service: an order API that publishes {@link io.mq.sample.OrderPlaced} events with MqTemplate. */
package io.mq.sample;

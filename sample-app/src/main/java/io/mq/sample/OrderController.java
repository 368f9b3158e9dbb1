package io.mq.sample;

import io.mq.spring.core.MqOperations;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /orders}: accepts an order and publishes an {@link OrderPlaced} event keyed by customer id. Answers 202
 * once the broker has stored the event (the request thread is released while it waits), 400 for an invalid order.
 */
@RestController
@RequestMapping("/orders")
class OrderController {

    private final MqOperations mq;
    private final String topic;
    private final Clock clock;

    OrderController(MqOperations mq, @Value("${sample.orders.topic:orders}") String topic) {
        this.mq = mq;
        this.topic = topic;
        this.clock = Clock.systemUTC();
    }

    @PostMapping
    CompletableFuture<ResponseEntity<OrderAccepted>> placeOrder(@Valid @RequestBody PlaceOrderRequest request) {
        BigDecimal total = request.lines().stream()
                .map(line -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        OrderPlaced event = new OrderPlaced(UUID.randomUUID().toString(), request.customerId(), request.lines(),
                total, request.currency(), clock.instant());
        return mq.send(topic, event.customerId(), event).thenApply(stored -> ResponseEntity
                .accepted().body(new OrderAccepted(event.orderId(), stored.topic(), stored.partition(), stored.offset())));
    }
}

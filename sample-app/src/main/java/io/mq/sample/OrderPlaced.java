package io.mq.sample;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The event published to the {@code orders} topic, as JSON, keyed by customer id (so one customer's orders stay in
 * order on one partition).
 *
 * @param orderId    the order id the service assigned
 * @param customerId the customer who placed it
 * @param lines      what was ordered
 * @param total      the order total
 * @param currency   ISO 4217 currency code
 * @param placedAt   when the order was accepted
 */
public record OrderPlaced(String orderId, String customerId, List<OrderLine> lines, BigDecimal total,
        String currency, Instant placedAt) {
}

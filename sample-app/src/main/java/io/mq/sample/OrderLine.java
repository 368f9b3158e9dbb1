package io.mq.sample;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/**
 * One line of an order.
 *
 * @param sku       the product
 * @param quantity  how many, at least 1
 * @param unitPrice the price of one, at least 0.01
 */
public record OrderLine(@NotBlank String sku, @Positive int quantity,
        @NotNull @DecimalMin("0.01") BigDecimal unitPrice) {
}

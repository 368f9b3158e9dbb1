package io.mq.sample;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * Body of {@code POST /orders}.
 *
 * @param customerId the customer placing the order
 * @param lines      at least one line
 * @param currency   ISO 4217 code, e.g. EUR
 */
public record PlaceOrderRequest(@NotBlank String customerId, @NotEmpty List<@Valid OrderLine> lines,
        @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency) {
}

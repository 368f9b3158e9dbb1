package io.mq.spring.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Body of {@code POST /admin/topics/{topic}/partitions}: grows the topic to a total partition count.
 *
 * @param partitions   the new total, larger than the current count
 * @param validateOnly only check that the topic could be grown
 */
public record AddPartitionsRequest(@NotNull @Positive Integer partitions, boolean validateOnly) {
}

package io.mq.spring.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Body of {@code POST /admin/groups/{group}/offsets/reset}: moves the group's offsets in every partition of a topic.
 *
 * @param topic  the topic
 * @param to     where to: {@code earliest}, {@code latest}, {@code timestamp} (the first record at or after
 *               {@code value} milliseconds since the epoch) or {@code offset} ({@code value}, moved into each
 *               partition's range)
 * @param value  the timestamp or offset for {@code timestamp} and {@code offset}
 * @param dryRun only compute the new offsets, commit nothing
 */
public record ResetOffsetsRequest(
        @NotBlank String topic,
        @NotNull @Pattern(regexp = "(?i)earliest|latest|timestamp|offset",
                message = "must be one of earliest, latest, timestamp, offset") String to,
        @PositiveOrZero Long value,
        boolean dryRun) {
}

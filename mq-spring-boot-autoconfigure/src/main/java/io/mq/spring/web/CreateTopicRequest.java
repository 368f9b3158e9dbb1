package io.mq.spring.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Body of {@code POST /admin/topics}.
 *
 * @param name              the topic name: 1 to 249 ASCII letters, digits, '.', '_' or '-'
 * @param partitions        the partition count; absent for the broker's default
 * @param replicationFactor replicas per partition; absent for the broker's default
 * @param configs           topic config overrides such as {@code retention.ms}; absent for none
 * @param validateOnly      only check that the topic could be created (answered 200 instead of 201)
 */
public record CreateTopicRequest(
        @NotBlank @Size(max = 249) @Pattern(regexp = "[a-zA-Z0-9._-]*",
                message = "may contain only ASCII letters, digits, '.', '_' and '-'") String name,
        @Positive Integer partitions,
        @Positive @Max(Short.MAX_VALUE) Integer replicationFactor,
        Map<@NotBlank String, @NotNull String> configs,
        boolean validateOnly) {
}

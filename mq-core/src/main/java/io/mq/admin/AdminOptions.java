package io.mq.admin;

import io.mq.client.ConnectionOptions;
import io.mq.client.MqConfigurationException;
import io.mq.metadata.MetadataOptions;
import java.time.Duration;
import java.util.List;

/**
 * Immutable settings of an {@link MqAdmin}, built by {@link MqAdmin#builder()}. Every default is a {@code DEFAULT_*}
 * constant; the constructor validates every value and throws {@link MqConfigurationException} naming the setting.
 *
 * @param bootstrapServers {@code host:port} addresses tried in order until one answers
 * @param connection       connection settings (the client id, timeouts, reconnect backoff, ...)
 * @param requestTimeout   the longest one request may wait for its response
 * @param operationTimeout the longest one admin operation may take, with every request and retry it needs; it then
 *                         fails with {@link io.mq.client.MqTimeoutException}
 * @param retryBackoff     the wait before the first retry of a retriable failure; doubles with each retry
 * @param retryBackoffMax  the longest wait between retries
 * @param maxAttempts      attempts per operation when failures are retriable (a moved coordinator or controller, a
 *                         leader election, a lost connection for reads), at least 1
 */
public record AdminOptions(List<String> bootstrapServers, ConnectionOptions connection, Duration requestTimeout,
        Duration operationTimeout, Duration retryBackoff, Duration retryBackoffMax, int maxAttempts) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = ConnectionOptions.DEFAULT_REQUEST_TIMEOUT;
    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(100);
    public static final Duration DEFAULT_RETRY_BACKOFF_MAX = Duration.ofSeconds(1);
    public static final int DEFAULT_MAX_ATTEMPTS = 10;

    /** Validates every setting, including each bootstrap address. */
    public AdminOptions {
        if (bootstrapServers == null || bootstrapServers.isEmpty()) {
            throw invalid("bootstrapServers must list at least one host:port");
        }
        bootstrapServers = List.copyOf(bootstrapServers);
        MetadataOptions.builder(bootstrapServers).build();
        if (connection == null) {
            throw invalid("connection must not be null");
        }
        requirePositive("requestTimeout", requestTimeout);
        requirePositive("operationTimeout", operationTimeout);
        requirePositive("retryBackoff", retryBackoff);
        requirePositive("retryBackoffMax", retryBackoffMax);
        if (retryBackoffMax.compareTo(retryBackoff) < 0) {
            throw invalid("retryBackoffMax (" + retryBackoffMax + ") must not be shorter than retryBackoff ("
                    + retryBackoff + ")");
        }
        if (maxAttempts < 1) {
            throw invalid("maxAttempts must be >= 1, was " + maxAttempts);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw invalid(name + " must be positive, was " + value);
        }
    }

    private static MqConfigurationException invalid(String message) {
        return new MqConfigurationException("invalid admin option: " + message);
    }
}

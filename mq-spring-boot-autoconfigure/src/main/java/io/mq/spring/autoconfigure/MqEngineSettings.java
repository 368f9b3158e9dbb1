package io.mq.spring.autoconfigure;

import io.mq.admin.AdminOptions;
import io.mq.admin.MqAdmin;
import io.mq.client.ConnectionOptions;
import io.mq.producer.BackoffPolicy;
import io.mq.producer.BackpressureMode;
import io.mq.producer.ProducerOptions;
import io.mq.producer.partitioner.DefaultPartitioner;
import io.mq.producer.partitioner.KeyHashPartitioner;
import io.mq.producer.partitioner.LatencyAwarePartitioner;
import io.mq.producer.partitioner.Partitioner;
import io.mq.producer.partitioner.RoundRobinPartitioner;
import io.mq.producer.partitioner.StickyPartitioner;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.retry.backoff.ExponentialBackOffPolicy;
import org.springframework.retry.backoff.ExponentialRandomBackOffPolicy;

/**
 * The one place that maps {@code mq.*} properties onto the engine's option builders. Invalid combinations fail with an
 * {@link InvalidMqPropertiesException} whose message names the properties, not the engine's option names.
 */
final class MqEngineSettings {

    /** Engine option names whose property has another name. */
    private static final Map<String, String> RENAMED = Map.of("maxInFlightPerConnection", "max-in-flight",
            "maxInFlightRequests", "max-in-flight", "lazyConnect", "lazy");

    private static final Pattern WORD = Pattern.compile("\\b[a-z][a-zA-Z]*\\b");

    private MqEngineSettings() {
    }

    /** Connection options from {@code mq.connection.*}, {@code mq.client-id} and the producer's request limits. */
    static ConnectionOptions connectionOptions(MqProperties properties) {
        MqProperties.Connection connection = properties.getConnection();
        try {
            return ConnectionOptions.builder()
                    .connectionsPerBroker(connection.getConnectionsPerBroker())
                    .lazyConnect(connection.isLazy())
                    .connectTimeout(connection.getConnectTimeout())
                    .requestTimeout(properties.getProducer().getRequestTimeout())
                    .idleTimeout(connection.getIdleTimeout())
                    .heartbeat(connection.getHeartbeat().getInterval(), connection.getHeartbeat().getTimeout())
                    .tcpKeepAlive(connection.isTcpKeepAlive())
                    .reconnectBackoff(connection.getReconnect().getInitial(), connection.getReconnect().getMax())
                    .reconnectJitter(connection.getReconnect().getJitter())
                    .maxInFlightRequests(properties.getProducer().getMaxInFlight())
                    .clientId(properties.getClientId())
                    .build();
        } catch (RuntimeException e) {
            throw invalid("mq.connection", MqProperties.Connection.class, e);
        }
    }

    /** The admin client's timeouts from {@code mq.admin.*} over the connection settings, validated. */
    static AdminOptions adminOptions(MqProperties properties, String bootstrapServers,
            ConnectionOptions connection) {
        MqProperties.Admin admin = properties.getAdmin();
        try {
            return MqAdmin.builder().bootstrapServers(bootstrapServers).connection(connection)
                    .requestTimeout(admin.getRequestTimeout()).operationTimeout(admin.getOperationTimeout())
                    .buildOptions();
        } catch (RuntimeException e) {
            throw invalid("mq.admin", MqProperties.Admin.class, e);
        }
    }

    /**
     * Producer options from {@code mq.producer.*}, with the retry schedule and partitioner resolved by the caller.
     * The builder is returned so customizers can adjust it; {@link #build} validates it.
     */
    static ProducerOptions.Builder producerOptions(MqProperties properties, BackoffPolicy backoff, int maxAttempts,
            Supplier<? extends Partitioner> partitioner) {
        MqProperties.Producer producer = properties.getProducer();
        ProducerOptions.Builder builder = ProducerOptions.builder()
                .acks(producer.getAcks())
                .linger(producer.getLinger())
                .batchSize(Math.toIntExact(producer.getBatchSize().toBytes()))
                .maxRequestSize(Math.toIntExact(producer.getMaxRequestSize().toBytes()))
                .bufferMemory(producer.getBufferMemory().toBytes())
                .deliveryTimeout(producer.getDeliveryTimeout())
                .requestTimeout(producer.getRequestTimeout())
                .maxMetadataWait(producer.getMaxMetadataWait())
                .compressionMinBatchSize(Math.toIntExact(producer.getCompressionMinBatchSize().toBytes()))
                .maxInFlightPerConnection(producer.getMaxInFlight())
                .partitioner(partitioner)
                .maxAttempts(maxAttempts)
                .backoff(backoff);
        if (producer.getIdempotence() != null) {
            builder.idempotence(producer.getIdempotence());
        }
        if (producer.getBackpressure() == BackpressureMode.BLOCK) {
            builder.blockWhenFull(producer.getMaxBlock());
        } else {
            builder.failFastWhenFull();
        }
        if (producer.getCompressionLevel() != null) {
            builder.compression(producer.getCompression(), producer.getCompressionLevel());
        } else {
            builder.compression(producer.getCompression());
        }
        if (producer.getDeadLetterTopic() != null) {
            builder.deadLetterTopic(producer.getDeadLetterTopic());
        }
        return builder;
    }

    /** Builds producer options, reporting invalid settings by property name. */
    static ProducerOptions build(ProducerOptions.Builder builder) {
        try {
            return builder.build();
        } catch (RuntimeException e) {
            throw invalid("mq.producer", MqProperties.Producer.class, e);
        }
    }

    /** The built-in partitioner named by {@code mq.producer.partitioner}. */
    static Supplier<? extends Partitioner> partitioner(MqProperties.PartitionerType type) {
        return switch (type) {
            case DEFAULT -> DefaultPartitioner::new;
            case ROUND_ROBIN -> RoundRobinPartitioner::new;
            case KEY_HASH -> KeyHashPartitioner::new;
            case STICKY -> StickyPartitioner::new;
            case LATENCY_AWARE -> LatencyAwarePartitioner::new;
        };
    }

    /** spring-retry's exponential policy configured from {@code mq.retry.*}. */
    static ExponentialBackOffPolicy backOffPolicy(MqProperties.Retry retry) {
        ExponentialBackOffPolicy policy = retry.isRandom() ? new ExponentialRandomBackOffPolicy()
                : new ExponentialBackOffPolicy();
        policy.setInitialInterval(retry.getInitialInterval().toMillis());
        policy.setMultiplier(retry.getMultiplier());
        policy.setMaxInterval(retry.getMaxInterval().toMillis());
        return policy;
    }

    /** Rewrites the engine's option names in {@code e}'s message as the properties of {@code group} under {@code prefix}. */
    static InvalidMqPropertiesException invalid(String prefix, Class<?> group, RuntimeException e) {
        Matcher words = WORD.matcher(String.valueOf(e.getMessage()));
        StringBuilder message = new StringBuilder();
        while (words.find()) {
            String word = words.group();
            String property = RENAMED.containsKey(word) ? RENAMED.get(word) : isProperty(group, word) ? kebab(word) : null;
            words.appendReplacement(message, Matcher.quoteReplacement(property == null ? word : prefix + "." + property));
        }
        words.appendTail(message);
        return new InvalidMqPropertiesException(prefix, message.toString(), e);
    }

    private static boolean isProperty(Class<?> group, String name) {
        try {
            Field field = group.getDeclaredField(name);
            return !Modifier.isStatic(field.getModifiers());
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}

package io.mq.spring.autoconfigure;

import io.mq.admin.MqAdmin;
import io.mq.broker.EmbeddedBroker;
import io.mq.client.ClientResources;
import io.mq.client.ConnectionOptions;
import io.mq.producer.BackoffPolicy;
import io.mq.producer.MqProducer;
import io.mq.producer.ProducerOptions;
import io.mq.producer.partitioner.Partitioner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.retry.RetryPolicy;
import org.springframework.retry.backoff.BackOffPolicy;

/**
 * mq's clients and their settings as beans: where to connect ({@link MqConnectionDetails}), the shared
 * {@link ClientResources}, the {@link MqAdmin} client, {@link ConnectionOptions} from {@code mq.connection.*} and
 * {@link ProducerOptions} from {@code mq.producer.*} and {@code mq.retry.*}, the {@link MqProducer} built from them
 * (its pending sends flushed on shutdown by {@link MqProducerLifecycle}), and the {@link MqTopicDeclarer} that creates
 * or grows the topics of {@code mq.topics[]} at startup. The retry schedule comes from a
 * spring-retry {@link BackOffPolicy} (a user bean, or one built from {@code mq.retry.*}) and the attempt limit from a
 * user {@link RetryPolicy} bean or {@code mq.retry.max-attempts}; the engine schedules every delay on its own timer.
 * Invalid settings fail startup naming the properties.
 */
@AutoConfiguration(after = MqEmbeddedBrokerAutoConfiguration.class)
@ConditionalOnClass(ProducerOptions.class)
@EnableConfigurationProperties(MqProperties.class)
public final class MqClientAutoConfiguration {

    @Bean
    @ConfigurationPropertiesBinding
    static AcksConverter mqAcksConverter() {
        return new AcksConverter();
    }

    @Bean
    @ConditionalOnMissingBean
    MqConnectionDetails mqConnectionDetails(MqProperties properties, ObjectProvider<EmbeddedBroker> embeddedBroker) {
        if (!properties.getBootstrapServers().isEmpty()) {
            String servers = String.join(",", properties.getBootstrapServers());
            return () -> servers;
        }
        EmbeddedBroker broker = embeddedBroker.getIfAvailable();
        if (broker == null) {
            throw new InvalidMqPropertiesException("mq", "no broker to connect to: set mq.bootstrap-servers, or leave "
                    + "it unset with mq.embedded.enabled=true to use the embedded broker", null);
        }
        return broker::bootstrapServers;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ClientResources mqClientResources() {
        return ClientResources.create();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MqAdmin mqAdmin(MqProperties properties, MqConnectionDetails connectionDetails,
            ConnectionOptions connectionOptions, ClientResources resources) {
        return MqAdmin.builder().options(MqEngineSettings.adminOptions(properties,
                connectionDetails.bootstrapServers(), connectionOptions)).resources(resources).build();
    }

    @Bean
    @ConditionalOnMissingBean
    ConnectionOptions mqConnectionOptions(MqProperties properties) {
        return MqEngineSettings.connectionOptions(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    BackoffPolicy mqBackoffPolicy(MqProperties properties, ObjectProvider<BackOffPolicy> springBackOff) {
        return new SpringRetryBackoffPolicy(
                springBackOff.getIfUnique(() -> MqEngineSettings.backOffPolicy(properties.getRetry())));
    }

    @Bean
    @ConditionalOnMissingBean
    ProducerOptions mqProducerOptions(MqProperties properties, BackoffPolicy backoff,
            ObjectProvider<RetryPolicy> retryPolicy, ObjectProvider<Partitioner> partitioner,
            ObjectProvider<MqProducerCustomizer> customizers) {
        int maxAttempts = properties.getRetry().getMaxAttempts();
        RetryPolicy userRetryPolicy = retryPolicy.getIfUnique();
        if (userRetryPolicy != null) {
            int limit = userRetryPolicy.getMaxAttempts();
            maxAttempts = limit == RetryPolicy.NO_MAXIMUM_ATTEMPTS_SET ? ProducerOptions.UNBOUNDED_ATTEMPTS : limit;
        }
        Partitioner userPartitioner = partitioner.getIfUnique();
        ProducerOptions.Builder builder = MqEngineSettings.producerOptions(properties, backoff, maxAttempts,
                userPartitioner != null ? () -> userPartitioner
                        : MqEngineSettings.partitioner(properties.getProducer().getPartitioner()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return MqEngineSettings.build(builder);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MqProducer mqProducer(MqConnectionDetails connectionDetails, ProducerOptions producerOptions,
            ConnectionOptions connectionOptions, ClientResources resources) {
        return MqProducer.builder().bootstrapServers(connectionDetails.bootstrapServers()).options(producerOptions)
                .connection(connectionOptions).resources(resources).build();
    }

    @Bean
    @ConditionalOnMissingBean
    MqProducerLifecycle mqProducerLifecycle(MqProducer producer) {
        return new MqProducerLifecycle(producer);
    }

    @Bean
    @ConditionalOnMissingBean
    MqTopicDeclarer mqTopicDeclarer(MqAdmin admin, MqProperties properties) {
        return new MqTopicDeclarer(admin, properties.getTopics());
    }
}

package io.mq.spring.autoconfigure;

import io.mq.client.ConnectionOptions;
import io.mq.producer.BackoffPolicy;
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
 * The client engine's settings as beans: {@link ConnectionOptions} from {@code mq.connection.*} and
 * {@link ProducerOptions} from {@code mq.producer.*} and {@code mq.retry.*}. The retry schedule comes from a
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
}

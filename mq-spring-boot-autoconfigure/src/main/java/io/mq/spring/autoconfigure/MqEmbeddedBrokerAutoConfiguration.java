package io.mq.spring.autoconfigure;

import io.mq.broker.EmbeddedBroker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Starts the embedded broker when no {@code mq.bootstrap-servers} are configured (and {@code mq.embedded.enabled} is
 * not false). The broker is closed last on shutdown, after everything that uses it, writing a clean-shutdown marker.
 */
@AutoConfiguration
@ConditionalOnClass(EmbeddedBroker.class)
@Conditional(OnEmbeddedBrokerCondition.class)
@EnableConfigurationProperties(MqProperties.class)
public final class MqEmbeddedBrokerAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EmbeddedBroker mqEmbeddedBroker(MqProperties properties, ObjectProvider<EmbeddedBrokerCustomizer> customizers) {
        EmbeddedBroker.Builder builder = EmbeddedBrokerSettings.apply(properties.getEmbedded(), EmbeddedBroker.builder());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build().start();
    }
}

package io.mq.spring.autoconfigure.actuate;

import io.mq.admin.MqAdmin;
import io.mq.broker.EmbeddedBroker;
import io.mq.producer.MqProducer;
import io.mq.spring.actuate.MqHealthIndicator;
import io.mq.spring.autoconfigure.InvalidMqPropertiesException;
import io.mq.spring.autoconfigure.MqClientAutoConfiguration;
import io.mq.spring.autoconfigure.MqEmbeddedBrokerAutoConfiguration;
import io.mq.spring.autoconfigure.MqProperties;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@code mq} health indicator ({@link MqHealthIndicator}) for the {@link MqAdmin} bean — a composite with one
 * entry per bean when there are several. Needs Spring Boot Actuator; switched off with
 * {@code management.health.mq.enabled=false}; replaced by a user bean named {@code mqHealthIndicator} or
 * {@code mqHealthContributor}. The wait for the cluster is bounded by {@code mq.health.timeout}.
 */
@AutoConfiguration(after = {MqClientAutoConfiguration.class, MqEmbeddedBrokerAutoConfiguration.class})
@ConditionalOnClass({HealthContributor.class, ConditionalOnEnabledHealthIndicator.class, MqAdmin.class})
@ConditionalOnBean(MqAdmin.class)
@ConditionalOnEnabledHealthIndicator("mq")
@EnableConfigurationProperties(MqProperties.class)
public final class MqHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = {"mqHealthIndicator", "mqHealthContributor"})
    HealthContributor mqHealthContributor(Map<String, MqAdmin> admins, MqProperties properties,
            ObjectProvider<EmbeddedBroker> embeddedBroker, ObjectProvider<MqProducer> producers) {
        Duration timeout = properties.getHealth().getTimeout();
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new InvalidMqPropertiesException("mq.health", "mq.health.timeout must be a positive duration, was "
                    + timeout, null);
        }
        EmbeddedBroker broker = embeddedBroker.getIfUnique();
        if (admins.size() == 1) {
            return new MqHealthIndicator(admins.values().iterator().next(), timeout, broker, producers);
        }
        return CompositeHealthContributor.fromMap(admins,
                admin -> new MqHealthIndicator(admin, timeout, broker, producers));
    }
}

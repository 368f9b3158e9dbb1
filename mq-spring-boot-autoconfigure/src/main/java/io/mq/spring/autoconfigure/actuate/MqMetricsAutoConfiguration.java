package io.mq.spring.autoconfigure.actuate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.mq.broker.EmbeddedBroker;
import io.mq.producer.MqProducer;
import io.mq.spring.actuate.MqEmbeddedBrokerMetrics;
import io.mq.spring.actuate.MqProducerMetrics;
import io.mq.spring.autoconfigure.MqClientAutoConfiguration;
import io.mq.spring.autoconfigure.MqEmbeddedBrokerAutoConfiguration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters for mq: {@link MqProducerMetrics} for every {@link MqProducer} bean and
 * {@link MqEmbeddedBrokerMetrics} for the embedded broker when it runs. The binders are {@link MeterBinder} beans, so
 * Spring Boot Actuator binds them to the application's registry once every singleton exists. Needs Micrometer,
 * Actuator (its metrics auto-configuration, named by string so that this class loads without it) and a
 * {@link MeterRegistry} bean; each binder is replaced by a user bean of the same name.
 */
@AutoConfiguration(after = {MqClientAutoConfiguration.class, MqEmbeddedBrokerAutoConfiguration.class}, afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(value = {MeterBinder.class, MqProducer.class},
        name = "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration")
@ConditionalOnBean(MeterRegistry.class)
public final class MqMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "mqProducerMeterBinder")
    MeterBinder mqProducerMeterBinder(ObjectProvider<MqProducer> producers) {
        return new ProducersMeterBinder(producers);
    }

    @Bean
    @ConditionalOnBean(EmbeddedBroker.class)
    @ConditionalOnMissingBean(name = "mqEmbeddedBrokerMeterBinder")
    MeterBinder mqEmbeddedBrokerMeterBinder(EmbeddedBroker broker) {
        return new MqEmbeddedBrokerMetrics(broker);
    }

    /** Binds each producer bean present when the registry is bound; unbinds them on shutdown. */
    static final class ProducersMeterBinder implements MeterBinder, DisposableBean {

        private final ObjectProvider<MqProducer> producers;
        private final List<MqProducerMetrics> bound = new CopyOnWriteArrayList<>();

        ProducersMeterBinder(ObjectProvider<MqProducer> producers) {
            this.producers = producers;
        }

        @Override
        public void bindTo(MeterRegistry registry) {
            producers.orderedStream().forEach(producer -> {
                MqProducerMetrics metrics = new MqProducerMetrics(producer);
                metrics.bindTo(registry);
                bound.add(metrics);
            });
        }

        @Override
        public void destroy() {
            bound.forEach(MqProducerMetrics::close);
            bound.clear();
        }
    }
}

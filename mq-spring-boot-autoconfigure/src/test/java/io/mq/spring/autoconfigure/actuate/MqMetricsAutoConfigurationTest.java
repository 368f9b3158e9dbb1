package io.mq.spring.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mq.producer.MqProducer;
import io.mq.producer.ProducerRecord;
import io.mq.spring.autoconfigure.MqClientAutoConfiguration;
import io.mq.spring.autoconfigure.MqConnectionDetails;
import io.mq.spring.autoconfigure.MqEmbeddedBrokerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class MqMetricsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                    MqEmbeddedBrokerAutoConfiguration.class, MqClientAutoConfiguration.class,
                    MqMetricsAutoConfiguration.class))
            .withPropertyValues("mq.embedded.port=0");

    @Test
    void producerBeansAndTheEmbeddedBrokerAreMetered() {
        runner.withUserConfiguration(ProducerConfiguration.class).run(context -> {
            MqProducer producer = context.getBean(MqProducer.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            int sends = 10;

            for (int i = 0; i < sends; i++) {
                producer.sendSync(ProducerRecord.of("auto-metrics", new byte[] {(byte) i}));
            }

            assertThat(registry.get("mq.producer.records.sent").tag("client.id", producer.clientId())
                    .functionCounter().count()).isEqualTo(sends);
            assertThat(registry.get("mq.broker.requests").tag("api", "Produce").timer().count())
                    .isEqualTo(sends);
            assertThat(registry.get("mq.broker.appended.records").functionCounter().count()).isEqualTo(sends);
        });
    }

    @Test
    void noBrokerMetersWithoutTheEmbeddedBroker() {
        runner.withPropertyValues("mq.bootstrap-servers=127.0.0.1:9092").run(context -> {
            assertThat(context).hasBean("mqProducerMeterBinder").doesNotHaveBean("mqEmbeddedBrokerMeterBinder");
            assertThat(context.getBean(MeterRegistry.class).find("mq.broker.requests").meters()).isEmpty();
        });
    }

    @Test
    void backsOffWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer")).run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean("mqProducerMeterBinder")
                .doesNotHaveBean("mqEmbeddedBrokerMeterBinder"));
    }

    @Test
    void backsOffWithoutActuator() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MqEmbeddedBrokerAutoConfiguration.class,
                        MqClientAutoConfiguration.class, MqMetricsAutoConfiguration.class))
                .withPropertyValues("mq.embedded.port=0")
                .withBean(SimpleMeterRegistry.class)
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MeterBinder.class));
    }

    @Test
    void backsOffWithoutAMeterRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MqEmbeddedBrokerAutoConfiguration.class,
                        MqClientAutoConfiguration.class, MqMetricsAutoConfiguration.class))
                .withPropertyValues("mq.embedded.port=0")
                .run(context -> assertThat(context).doesNotHaveBean(MeterBinder.class));
    }

    @Test
    void userBinderBeansReplaceTheAutoConfiguredOnes() {
        MeterBinder userBinder = registry -> { };
        runner.withBean("mqProducerMeterBinder", MeterBinder.class, () -> userBinder)
                .withBean("mqEmbeddedBrokerMeterBinder", MeterBinder.class, () -> userBinder)
                .run(context -> assertThat(context.getBeansOfType(MeterBinder.class)).hasSize(2)
                        .allSatisfy((name, binder) -> assertThat(binder).isSameAs(userBinder)));
    }

    @Configuration(proxyBeanMethods = false)
    static class ProducerConfiguration {

        @Bean(destroyMethod = "close")
        MqProducer testProducer(MqConnectionDetails connection) {
            return MqProducer.builder().bootstrapServers(connection.bootstrapServers()).build();
        }
    }
}

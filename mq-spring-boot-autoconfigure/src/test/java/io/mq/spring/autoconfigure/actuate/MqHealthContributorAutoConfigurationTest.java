package io.mq.spring.autoconfigure.actuate;

import io.mq.spring.testing.SilentBroker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.admin.MqAdmin;
import io.mq.producer.MqProducer;
import io.mq.spring.actuate.MqHealthIndicator;
import io.mq.spring.autoconfigure.InvalidMqPropertiesException;
import io.mq.spring.autoconfigure.MqClientAutoConfiguration;
import io.mq.spring.autoconfigure.MqConnectionDetails;
import io.mq.spring.autoconfigure.MqEmbeddedBrokerAutoConfiguration;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

class MqHealthContributorAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MqEmbeddedBrokerAutoConfiguration.class,
                    MqClientAutoConfiguration.class, HealthContributorAutoConfiguration.class,
                    MqHealthContributorAutoConfiguration.class))
            .withPropertyValues("mq.embedded.port=0");

    private static Health health(org.springframework.context.ApplicationContext context) {
        return context.getBean("mqHealthContributor", HealthIndicator.class).health();
    }

    @Test
    void healthIsUpWithClusterIdBrokerCountAndEmbeddedBrokerState() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(MqHealthIndicator.class);
            Health health = health(context);

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKey("clusterId").containsEntry("brokers", 1)
                    .containsEntry("embeddedBroker", io.mq.broker.EmbeddedBroker.State.RUNNING);
        });
    }

    @Test
    void healthShowsTheStateOfEachProducer() {
        runner.withUserConfiguration(ProducerConfiguration.class).run(context -> {
            MqProducer producer = context.getBean(MqProducer.class);

            assertThat(health(context).getDetails()).containsEntry("producers",
                    Map.of(producer.clientId(), MqProducer.State.RUNNING));
        });
    }

    @Test
    void healthIsDownWithTheReasonWhenTheClusterIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        runner.withPropertyValues("mq.bootstrap-servers=127.0.0.1:" + closedPort, "mq.health.timeout=500ms")
                .run(context -> {
                    Health health = health(context);

                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsKey("error").doesNotContainKey("embeddedBroker");
                });
    }

    @Test
    void healthIsDownWhenTheClusterDoesNotAnswerWithinTheTimeout() throws Exception {
        try (SilentBroker silent = SilentBroker.start()) {
            runner.withPropertyValues("mq.bootstrap-servers=127.0.0.1:" + silent.port(), "mq.health.timeout=300ms")
                    .run(context -> {
                        Health health = health(context);

                        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(health.getDetails()).containsEntry("error",
                                "the cluster did not describe itself within PT0.3S");
                    });
        }
    }

    @Test
    void disabledWithManagementHealthMqEnabledFalse() {
        runner.withPropertyValues("management.health.mq.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("mqHealthContributor"));
    }

    @Test
    void backsOffWithoutActuator() {
        runner.withClassLoader(new FilteredClassLoader(HealthContributor.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("mqHealthContributor"));
    }

    @Test
    void backsOffWithoutAnAdminBean() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
                        MqHealthContributorAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean("mqHealthContributor"));
    }

    @Test
    void userIndicatorNamedMqHealthIndicatorWins() {
        runner.withBean("mqHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
                .run(context -> assertThat(context).doesNotHaveBean("mqHealthContributor"));
    }

    @Test
    void severalAdminsGiveOneEntryEach() {
        runner.withUserConfiguration(TwoAdminsConfiguration.class).run(context -> {
            HealthContributor contributor = context.getBean("mqHealthContributor", HealthContributor.class);

            assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
            CompositeHealthContributor composite = (CompositeHealthContributor) contributor;
            assertThat(composite.getContributor("firstAdmin")).isInstanceOf(MqHealthIndicator.class);
            assertThat(composite.getContributor("secondAdmin")).isInstanceOf(MqHealthIndicator.class);
        });
    }

    @Test
    void nonPositiveTimeoutFailsStartupNamingTheProperty() {
        runner.withPropertyValues("mq.health.timeout=0s").run(context -> assertThat(context).getFailure()
                .rootCause().isInstanceOf(InvalidMqPropertiesException.class)
                .hasMessageContaining("mq.health.timeout"));
    }

    @Configuration(proxyBeanMethods = false)
    static class ProducerConfiguration {

        @Bean(destroyMethod = "close")
        MqProducer testProducer(MqConnectionDetails connection) {
            return MqProducer.builder().bootstrapServers(connection.bootstrapServers()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoAdminsConfiguration {

        @Bean(destroyMethod = "close")
        @Primary
        MqAdmin firstAdmin(MqConnectionDetails connection) {
            return MqAdmin.builder().bootstrapServers(connection.bootstrapServers()).build();
        }

        @Bean(destroyMethod = "close")
        MqAdmin secondAdmin(MqConnectionDetails connection) {
            return MqAdmin.builder().bootstrapServers(connection.bootstrapServers()).build();
        }
    }
}

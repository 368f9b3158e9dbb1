package io.mq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.EmbeddedBroker;
import io.mq.broker.storage.FlushMode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class MqEmbeddedBrokerAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MqEmbeddedBrokerAutoConfiguration.class))
            .withPropertyValues("mq.embedded.port=0");

    @Test
    void startsTheEmbeddedBrokerWhenNoBootstrapServersAreSet() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(EmbeddedBroker.class);
            assertThat(context.getBean(EmbeddedBroker.class).state()).isEqualTo(EmbeddedBroker.State.RUNNING);
        });
    }

    @Test
    void noEmbeddedBrokerWhenBootstrapServersAreSet() {
        runner.withPropertyValues("mq.bootstrap-servers=kafka-1:9092,kafka-2:9092")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedBroker.class));
    }

    @Test
    void noEmbeddedBrokerWhenDisabled() {
        runner.withPropertyValues("mq.embedded.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedBroker.class));
    }

    @Test
    void propertiesReachTheBroker(@TempDir Path dataDir) {
        runner.withPropertyValues("mq.embedded.data-dir=" + dataDir, "mq.embedded.flush=sync",
                "mq.embedded.segment-size=1MB", "mq.embedded.default-partitions=3", "mq.embedded.cluster-id=test-cluster")
                .run(context -> {
                    EmbeddedBroker broker = context.getBean(EmbeddedBroker.class);
                    assertThat(broker.config().flushMode()).isEqualTo(FlushMode.SYNC);
                    assertThat(broker.config().segmentBytes()).isEqualTo(1024 * 1024);
                    assertThat(broker.config().defaultPartitions()).isEqualTo(3);
                    assertThat(broker.config().clusterId()).isEqualTo("test-cluster");
                    assertThat(broker.dataDir()).isEqualTo(dataDir);
                });
        assertThat(Files.exists(dataDir.resolve("clean-shutdown"))).as("clean-shutdown marker on context close")
                .isTrue();
    }

    @Test
    void customizersRunBeforeStart() {
        runner.withBean(EmbeddedBrokerCustomizer.class, () -> builder -> builder.brokerId(7))
                .run(context -> assertThat(context.getBean(EmbeddedBroker.class).config().brokerId()).isEqualTo(7));
    }

    @Test
    void aUserBrokerBeanWins() {
        runner.withUserConfiguration(UserBroker.class).run(context -> {
            assertThat(context).hasSingleBean(EmbeddedBroker.class);
            assertThat(context.getBean(EmbeddedBroker.class).config().clusterId()).isEqualTo("user");
        });
    }

    @Test
    void invalidFlushModeFailsStartupNamingTheProperty() {
        runner.withPropertyValues("mq.embedded.flush=sometimes").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("mq.embedded.flush");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBroker {
        @Bean(destroyMethod = "close")
        EmbeddedBroker userBroker() {
            return EmbeddedBroker.builder().clusterId("user").build().start();
        }
    }
}

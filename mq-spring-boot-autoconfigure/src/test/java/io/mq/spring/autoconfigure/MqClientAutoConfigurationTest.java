package io.mq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.admin.MqAdmin;
import io.mq.broker.EmbeddedBroker;
import io.mq.client.ConnectionOptions;
import io.mq.producer.Acks;
import io.mq.producer.BackoffPolicy;
import io.mq.producer.BackpressureMode;
import io.mq.producer.ProducerOptions;
import io.mq.protocol.record.CompressionType;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.retry.backoff.FixedBackOffPolicy;
import org.springframework.retry.policy.SimpleRetryPolicy;

class MqClientAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MqClientAutoConfiguration.class))
            .withPropertyValues("mq.bootstrap-servers=127.0.0.1:9092");

    @Test
    void defaultPropertiesGiveTheEngineDefaults() {
        runner.run(context -> {
            ProducerOptions options = context.getBean(ProducerOptions.class);
            ProducerOptions defaults = ProducerOptions.defaults();
            assertThat(options.acks()).isEqualTo(defaults.acks());
            assertThat(options.idempotence()).isEqualTo(defaults.idempotence());
            assertThat(options.batchSize()).isEqualTo(defaults.batchSize());
            assertThat(options.maxAttempts()).isEqualTo(defaults.maxAttempts());
            assertThat(context.getBean(ConnectionOptions.class).connectionsPerBroker())
                    .isEqualTo(ConnectionOptions.defaults().connectionsPerBroker());
        });
    }

    @ParameterizedTest
    @CsvSource({"all, ALL", "-1, ALL", "1, LEADER", "0, NONE"})
    void acksBindsFromKafkaSpellings(String value, Acks expected) {
        runner.withPropertyValues("mq.producer.acks=" + value)
                .run(context -> assertThat(context.getBean(ProducerOptions.class).acks()).isEqualTo(expected));
    }

    @Test
    void producerPropertiesReachTheEngine() {
        runner.withPropertyValues("mq.producer.linger=20ms", "mq.producer.batch-size=128KB",
                "mq.producer.compression=lz4", "mq.producer.compression-level=5", "mq.producer.backpressure=block",
                "mq.producer.max-block=2s", "mq.producer.dead-letter-topic=orders.dlt", "mq.client-id=orders-service",
                "mq.connection.connections-per-broker=2", "mq.connection.heartbeat.interval=5s").run(context -> {
                    ProducerOptions options = context.getBean(ProducerOptions.class);
                    assertThat(options.linger()).isEqualTo(Duration.ofMillis(20));
                    assertThat(options.batchSize()).isEqualTo(128 * 1024);
                    assertThat(options.compression()).isEqualTo(CompressionType.LZ4);
                    assertThat(options.compressionLevel()).isEqualTo(5);
                    assertThat(options.backpressure()).isEqualTo(BackpressureMode.BLOCK);
                    assertThat(options.maxBlock()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(options.deadLetterTopic()).contains("orders.dlt");
                    ConnectionOptions connection = context.getBean(ConnectionOptions.class);
                    assertThat(connection.connectionsPerBroker()).isEqualTo(2);
                    assertThat(connection.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(connection.clientId()).isEqualTo("orders-service");
                });
    }

    @Test
    void invalidAcksFailsStartupNamingTheProperty() {
        runner.withPropertyValues("mq.producer.acks=2").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("mq.producer.acks")
                    .hasStackTraceContaining("0, 1, all");
        });
    }

    @Test
    void invalidCombinationFailsStartupNamingThePropertiesAndIsExplainedByTheAnalyzer() {
        runner.withPropertyValues("mq.producer.batch-size=4MB").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            InvalidMqPropertiesException invalid = findCause(failure, InvalidMqPropertiesException.class);
            assertThat(invalid.getMessage()).contains("mq.producer.batch-size").contains("mq.producer.max-request-size");
            var analysis = new MqPropertiesFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).contains("mq.producer.batch-size");
            assertThat(analysis.getAction()).contains("mq.producer.*");
        });
    }

    @Test
    void adminTimeoutsComeFromTheProperties() {
        MqProperties properties = new MqProperties();
        properties.getAdmin().setRequestTimeout(Duration.ofSeconds(3));
        properties.getAdmin().setOperationTimeout(Duration.ofSeconds(9));

        io.mq.admin.AdminOptions options = MqEngineSettings.adminOptions(properties, "127.0.0.1:9092",
                io.mq.client.ConnectionOptions.defaults());

        assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.operationTimeout()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void anInvalidAdminTimeoutFailsStartupNamingTheProperty() {
        runner.withPropertyValues("mq.admin.operation-timeout=-1s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(findCause(context.getStartupFailure(), InvalidMqPropertiesException.class).getMessage())
                    .contains("mq.admin.operation-timeout");
        });
    }

    @Test
    void retryPropertiesBuildAnExponentialSchedule() {
        runner.withPropertyValues("mq.retry.random=false", "mq.retry.initial-interval=100ms", "mq.retry.multiplier=2",
                "mq.retry.max-interval=500ms", "mq.retry.max-attempts=7").run(context -> {
                    BackoffPolicy backoff = context.getBean(ProducerOptions.class).backoff();
                    assertThat(backoff).isInstanceOf(SpringRetryBackoffPolicy.class);
                    assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(100));
                    assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(200));
                    assertThat(backoff.delay(3)).isEqualTo(Duration.ofMillis(400));
                    assertThat(backoff.delay(4)).isEqualTo(Duration.ofMillis(500));
                    assertThat(backoff.delay(1_000_000)).isEqualTo(Duration.ofMillis(500));
                    assertThat(context.getBean(ProducerOptions.class).maxAttempts()).isEqualTo(7);
                });
    }

    @Test
    void userSpringRetryBeansAreUsed() {
        FixedBackOffPolicy fixed = new FixedBackOffPolicy();
        fixed.setBackOffPeriod(250);
        runner.withBean(FixedBackOffPolicy.class, () -> fixed)
                .withBean(SimpleRetryPolicy.class, () -> new SimpleRetryPolicy(3)).run(context -> {
                    ProducerOptions options = context.getBean(ProducerOptions.class);
                    assertThat(options.backoff().delay(1)).isEqualTo(Duration.ofMillis(250));
                    assertThat(options.backoff().delay(5)).isEqualTo(Duration.ofMillis(250));
                    assertThat(options.maxAttempts()).isEqualTo(3);
                });
    }

    @Test
    void customizersAdjustTheProducerOptions() {
        runner.withBean(MqProducerCustomizer.class, () -> builder -> builder.linger(Duration.ofMillis(42)))
                .run(context -> assertThat(context.getBean(ProducerOptions.class).linger())
                        .isEqualTo(Duration.ofMillis(42)));
    }

    @Test
    void userOptionBeansWin() {
        ProducerOptions mine = ProducerOptions.builder().linger(Duration.ofMillis(1)).build();
        runner.withBean(ProducerOptions.class, () -> mine)
                .run(context -> assertThat(context.getBean(ProducerOptions.class)).isSameAs(mine));
    }

    @Test
    void connectionDetailsComeFromBootstrapServers() {
        runner.withPropertyValues("mq.bootstrap-servers=a:9092,b:9093").run(context -> assertThat(
                context.getBean(MqConnectionDetails.class).bootstrapServers()).isEqualTo("a:9092,b:9093"));
    }

    @Test
    void connectionDetailsComeFromTheEmbeddedBrokerWhenNoServersAreSet() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MqEmbeddedBrokerAutoConfiguration.class,
                        MqClientAutoConfiguration.class))
                .withPropertyValues("mq.embedded.port=0").run(context -> {
                    EmbeddedBroker broker = context.getBean(EmbeddedBroker.class);
                    assertThat(context.getBean(MqConnectionDetails.class).bootstrapServers())
                            .isEqualTo(broker.bootstrapServers());
                    assertThat(context.getBean(MqAdmin.class).describeCluster().get(10, TimeUnit.SECONDS).nodes())
                            .hasSize(1);
                });
    }

    @Test
    void noBrokerAtAllFailsStartupWithAClearMessage() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MqClientAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("set mq.bootstrap-servers");
                });
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
    }
}

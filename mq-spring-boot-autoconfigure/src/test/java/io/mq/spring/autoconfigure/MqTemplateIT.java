package io.mq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import io.mq.admin.MqAdmin;
import io.mq.admin.NewTopic;
import io.mq.broker.EmbeddedBroker;
import io.mq.broker.it.KafkaClients;
import io.mq.producer.SendResult;
import io.mq.spring.core.MqHeaders;
import io.mq.spring.core.MqOperations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.support.MessageBuilder;

/** MqTemplate against the embedded broker, read back with a real kafka-clients consumer. */
class MqTemplateIT {

    public record OrderPlaced(String orderId, String customerId, long amountCents) {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    MqEmbeddedBrokerAutoConfiguration.class, MqClientAutoConfiguration.class,
                    MqTemplateAutoConfiguration.class))
            .withPropertyValues("mq.embedded.port=0");

    private static List<ConsumerRecord<byte[], byte[]>> read(String bootstrap, String topic, int partitions,
            int records) {
        List<TopicPartition> all = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            all.add(new TopicPartition(topic, p));
        }
        return KafkaClients.readFromBeginning(bootstrap, all, records, Duration.ofSeconds(20));
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : text(header.value());
    }

    @Test
    void jsonStringAndBytePayloadsArriveWithKeysAndHeaders() {
        runner.withPropertyValues("mq.topics[0].name=payloads", "mq.topics[0].partitions=1").run(context -> {
            MqOperations template = context.getBean(MqOperations.class);
            template.sendSync("payloads", "customer-1", new OrderPlaced("o-1", "customer-1", 4200));
            template.sendSync("payloads", "plain text");
            template.send(MessageBuilder.withPayload(new byte[] {1, 2, 3}).setHeader(MqHeaders.TOPIC, "payloads")
                    .setHeader(MqHeaders.KEY, new byte[] {9}).setHeader("tenant", "acme").build())
                    .get(20, TimeUnit.SECONDS);

            List<ConsumerRecord<byte[], byte[]>> records = read(
                    context.getBean(EmbeddedBroker.class).bootstrapServers(), "payloads", 1, 3);

            assertThat(records).hasSize(3);
            assertThat(text(records.get(0).key())).isEqualTo("customer-1");
            assertThat(text(records.get(0).value()))
                    .isEqualTo("{\"orderId\":\"o-1\",\"customerId\":\"customer-1\",\"amountCents\":4200}");
            assertThat(header(records.get(0), MqHeaders.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(records.get(1).key()).isNull();
            assertThat(text(records.get(1).value())).isEqualTo("plain text");
            assertThat(header(records.get(1), MqHeaders.CONTENT_TYPE)).startsWith("text/plain");
            assertThat(records.get(2).key()).containsExactly(9);
            assertThat(records.get(2).value()).containsExactly(1, 2, 3);
            assertThat(header(records.get(2), MqHeaders.CONTENT_TYPE)).isEqualTo("application/octet-stream");
            assertThat(header(records.get(2), "tenant")).isEqualTo("acme");
        });
    }

    @Test
    void declaredTopicsAreCreatedAndExistingOnesGrown() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).build().start();
                MqAdmin admin = MqAdmin.builder().bootstrapServers(broker.bootstrapServers()).build()) {
            admin.createTopic(NewTopic.of("grown", 1), false).get(20, TimeUnit.SECONDS);
            admin.createTopic(NewTopic.of("larger", 5), false).get(20, TimeUnit.SECONDS);

            runner.withPropertyValues("mq.bootstrap-servers=" + broker.bootstrapServers(),
                    "mq.topics[0].name=created", "mq.topics[0].partitions=3",
                    "mq.topics[0].configs.retention.ms=60000", "mq.topics[1].name=grown",
                    "mq.topics[1].partitions=4", "mq.topics[2].name=larger", "mq.topics[2].partitions=2")
                    .run(context -> assertThat(context).hasNotFailed());

            assertThat(admin.describeTopic("created").get(20, TimeUnit.SECONDS).partitionCount()).isEqualTo(3);
            assertThat(admin.describeConfigs("created").get(20, TimeUnit.SECONDS).get("retention.ms").value())
                    .isEqualTo("60000");
            assertThat(admin.describeTopic("grown").get(20, TimeUnit.SECONDS).partitionCount()).isEqualTo(4);
            assertThat(admin.describeTopic("larger").get(20, TimeUnit.SECONDS).partitionCount()).isEqualTo(5);
        }
    }

    @Test
    void aDeclarationTheBrokerRejectsFailsStartupNamingTheTopic() {
        runner.withPropertyValues("mq.topics[0].name=replicated", "mq.topics[0].replication-factor=3")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .hasStackTraceContaining("mq.topics").hasStackTraceContaining("replicated");
                    assertThat(new MqPropertiesFailureAnalyzer().analyze(context.getStartupFailure())
                            .getDescription()).contains("replicated");
                });
    }

    @Test
    void pendingSendsAreDeliveredBeforeTheEmbeddedBrokerStopsOnContextClose(@TempDir Path dataDir)
            throws Exception {
        List<CompletableFuture<SendResult>> sends = new ArrayList<>();
        runner.withPropertyValues("mq.embedded.data-dir=" + dataDir, "mq.producer.linger=1m",
                "mq.producer.delivery-timeout=5m",
                "mq.topics[0].name=shutdown", "mq.topics[0].partitions=2").run(context -> {
                    MqOperations template = context.getBean(MqOperations.class);
                    for (int i = 0; i < 100; i++) {
                        sends.add(template.send("shutdown", "key-" + i, "value-" + i));
                    }
                    assertThat(sends).noneMatch(CompletableFuture::isDone);
                });

        assertThat(sends).allMatch(send -> send.isDone() && !send.isCompletedExceptionally());
        assertThat(Files.exists(dataDir.resolve("clean-shutdown"))).isTrue();
        try (EmbeddedBroker restarted = EmbeddedBroker.builder().port(0).dataDir(dataDir).build().start()) {
            assertThat(read(restarted.bootstrapServers(), "shutdown", 2, 100)).hasSize(100);
        }
    }

    @Test
    void stoppingTheProducerLifecycleFlushesPendingSends() {
        runner.withPropertyValues("mq.producer.linger=1m", "mq.producer.delivery-timeout=5m").run(context -> {
            MqOperations template = context.getBean(MqOperations.class);
            List<CompletableFuture<SendResult>> sends = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sends.add(template.send("lifecycle", "value-" + i));
            }
            CountDownLatch stopped = new CountDownLatch(1);

            context.getBean(MqProducerLifecycle.class).stop(stopped::countDown);

            assertThat(stopped.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(sends).allMatch(send -> send.isDone() && !send.isCompletedExceptionally());
            assertThat(context.getBean(MqProducerLifecycle.class).isRunning()).isFalse();
        });
    }

    @Test
    void observedSendsCarryTheTraceContextInRecordHeaders() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<SenderContext<Object>>() {
            @Override
            public void onStart(SenderContext<Object> context) {
                context.getSetter().set(context.getCarrier(), "traceparent", "00-4bf92f3577b34da6-00f067aa0ba902b7-01");
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof SenderContext;
            }
        });
        runner.withPropertyValues("mq.template.observation-enabled=true")
                .withBean(ObservationRegistry.class, () -> registry).run(context -> {
                    SendResult sent = context.getBean(MqOperations.class).sendSync("traced", "k", "v");

                    List<ConsumerRecord<byte[], byte[]>> records = read(
                            context.getBean(EmbeddedBroker.class).bootstrapServers(), "traced", sent.partition() + 1,
                            1);
                    assertThat(records).singleElement().satisfies(record -> assertThat(header(record, "traceparent"))
                            .isEqualTo("00-4bf92f3577b34da6-00f067aa0ba902b7-01"));
                });
    }
}

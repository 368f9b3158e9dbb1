package io.mq.kafka;

import io.mq.admin.MqAdminContract;
import io.mq.benchmarks.kafka.ApacheKafkaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link MqAdminContract}: every {@link io.mq.admin.MqAdmin} operation against a real Apache Kafka 4.x broker. */
class MqAdminApacheKafkaIT extends MqAdminContract {

    private static ApacheKafkaServer kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = ApacheKafkaServer.start();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Override
    protected String bootstrapServers() {
        return kafka.bootstrapServers();
    }
}

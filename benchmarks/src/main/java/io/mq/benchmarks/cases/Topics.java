package io.mq.benchmarks.cases;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the topics runs write to, with kafka-clients' Admin (the same on both brokers). */
final class Topics {

    /** Partitions of every benchmark topic. */
    static final int PARTITIONS = 4;

    private Topics() {
    }

    /** Creates {@code topic} with {@link #PARTITIONS} partitions, replication factor 1, and waits (≤ 30 s). */
    static void create(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }
}

package io.mq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.EmbeddedBroker;
import io.mq.broker.EmbeddedCluster;
import io.mq.broker.junit.EmbeddedClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link EmbeddedClusterExtension}: one customized cluster per class, injected into test methods. */
class EmbeddedClusterExtensionIT {

    @RegisterExtension
    static final EmbeddedClusterExtension CLUSTER = EmbeddedClusterExtension.with(c -> c.brokers(2)
            .brokerSettings(b -> b.defaultPartitions(4)));

    @Test
    void injectsTheRunningClusterWithEveryBrokerCustomized(EmbeddedCluster cluster) {
        assertThat(cluster).isSameAs(CLUSTER.cluster());
        assertThat(CLUSTER.bootstrapServers().split(",")).hasSize(2);
        for (int id = 0; id < cluster.size(); id++) {
            EmbeddedBroker broker = cluster.broker(id);
            assertThat(broker.state()).isEqualTo(EmbeddedBroker.State.RUNNING);
            assertThat(broker.config().brokerId()).isEqualTo(id);
            assertThat(broker.config().defaultPartitions()).isEqualTo(4);
            assertThat(broker.dataDir()).isEqualTo(cluster.dataDir().resolve("broker-" + id));
        }
    }
}

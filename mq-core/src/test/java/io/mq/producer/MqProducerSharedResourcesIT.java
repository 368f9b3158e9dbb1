package io.mq.producer;

import static io.mq.producer.ProducerTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.junit.EmbeddedBrokerExtension;
import io.mq.client.ClientResources;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many producers on one {@link ClientResources}: the engine starts no thread of its own. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MqProducerSharedResourcesIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = EmbeddedBrokerExtension.with(b -> b.defaultPartitions(2));

    @Test
    void aHundredProducersSharingResourcesAddNoThreads() throws Exception {
        List<MqProducer> producers = new ArrayList<>();
        try (ClientResources resources = ClientResources.builder().ioThreads(2).build()) {
            for (EventExecutor loop : resources.eventLoopGroup()) {
                loop.submit(() -> { }).sync(); // the loops' threads exist from here on
            }
            for (int i = 0; i < 8; i++) { // warm up the broker side too (its I/O threads start lazily)
                producers.add(start(resources, i));
            }
            int before = clientThreads();

            for (int i = 8; i < 108; i++) {
                producers.add(start(resources, i));
            }
            int after = clientThreads();

            assertThat(after).as("threads outside the broker with %d producers running", producers.size())
                    .isLessThanOrEqualTo(before);
            assertThat(producers).allMatch(p -> p.state() == MqProducer.State.RUNNING);
            assertThat(producers.stream().map(MqProducer::clientId).collect(Collectors.toSet())).hasSize(108);
            assertThat(producers.stream().mapToLong(p -> p.metrics().recordsSent()).sum()).isEqualTo(108);
            producers.forEach(p -> p.close(Duration.ofSeconds(10)));
        }
        assertThat(producers).allMatch(p -> p.state() == MqProducer.State.CLOSED);
    }

    private static MqProducer start(ClientResources resources, int i) {
        MqProducer producer = MqProducer.builder().bootstrapServers(BROKER.bootstrapServers()).resources(resources)
                .build();
        producer.sendSync(ProducerRecord.of("shared", utf8("producer-" + i)));
        return producer;
    }

    /** Live threads, not counting the embedded broker's own. */
    private static int clientThreads() {
        Set<Thread> threads = Thread.getAllStackTraces().keySet();
        return (int) threads.stream().filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("mq-broker-") && !t.getName().startsWith("mq-storage-"))
                .count();
    }
}

package io.mq.producer;

import static io.mq.producer.ProducerTestSupport.await;
import static io.mq.producer.ProducerTestSupport.utf8;
import static io.mq.producer.ScriptedProduceBroker.PRODUCER_ID;
import static io.mq.producer.ScriptedProduceBroker.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.client.ClientResources;
import io.mq.client.MqException;
import io.mq.producer.ScriptedProduceBroker.ReceivedBatch;
import io.mq.producer.partitioner.NodeObserver;
import io.mq.producer.partitioner.PartitionView;
import io.mq.producer.partitioner.Partitioner;
import io.mq.protocol.Errors;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How {@link MqProducer} recovers from (or stops on) broker errors that a real broker cannot be made to return on
 * demand, against {@link ScriptedProduceBroker}: sequence gaps are healed by an epoch bump, stale routing by a metadata
 * refresh, and fatal errors stop the producer instead of letting it spin.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class MqProducerRecoveryIT {

    private static ClientResources resources;

    @BeforeAll
    static void start() {
        resources = ClientResources.builder().ioThreads(1).build();
    }

    @AfterAll
    static void stop() {
        resources.close();
    }

    private static MqProducer producer(ScriptedProduceBroker broker, ProducerOptions.Builder options) {
        return MqProducer.builder().bootstrapServers(broker.bootstrapServers())
                .options(options.backoff(BackoffPolicy.fixed(Duration.ofMillis(10))).build())
                .resources(resources).build();
    }

    @Test
    void anOutOfOrderSequenceIsHealedByBumpingTheEpoch() throws Exception {
        try (ScriptedProduceBroker broker = ScriptedProduceBroker.answeringProduce(
                Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
             MqProducer producer = producer(broker, ProducerOptions.builder().idempotence(true))) {

            SendResult first = producer.sendSync(ProducerRecord.of(TOPIC, utf8("one")));
            SendResult second = producer.sendSync(ProducerRecord.of(TOPIC, utf8("two")));

            assertThat(first.offset()).isZero();
            assertThat(second.offset()).isEqualTo(1);
            assertThat(broker.batches()).containsExactly(
                    new ReceivedBatch(PRODUCER_ID, (short) 0, 0, 1),
                    new ReceivedBatch(PRODUCER_ID, (short) 1, 0, 1),
                    new ReceivedBatch(PRODUCER_ID, (short) 1, 1, 1));
            assertThat(broker.initProducerIdRequests()).isEqualTo(1);
            assertThat(producer.state()).isEqualTo(MqProducer.State.RUNNING);
        }
    }

    @Test
    void anUnknownProducerIdIsHealedTheSameWay() throws Exception {
        try (ScriptedProduceBroker broker = ScriptedProduceBroker.answeringProduce(Errors.UNKNOWN_PRODUCER_ID);
             MqProducer producer = producer(broker, ProducerOptions.builder().idempotence(true))) {

            producer.sendSync(ProducerRecord.of(TOPIC, utf8("one")));

            assertThat(broker.batches()).extracting(ReceivedBatch::epoch).containsExactly((short) 0, (short) 1);
            assertThat(broker.batches()).extracting(ReceivedBatch::baseSequence).containsExactly(0, 0);
        }
    }

    @Test
    void aBatchGivenUpAfterItsLastAttemptLeavesNoGapForLaterRecords() throws Exception {
        try (ScriptedProduceBroker broker = ScriptedProduceBroker.answeringProduce(Errors.NOT_ENOUGH_REPLICAS,
                Errors.NOT_ENOUGH_REPLICAS, Errors.NOT_ENOUGH_REPLICAS);
             MqProducer producer = producer(broker, ProducerOptions.builder().idempotence(true).maxAttempts(3))) {

            assertThatThrownBy(() -> producer.sendSync(ProducerRecord.of(TOPIC, utf8("unlucky"))))
                    .isInstanceOfSatisfying(RetriableSendException.class, e -> {
                        assertThat(e.error()).contains(Errors.NOT_ENOUGH_REPLICAS);
                        assertThat(e).hasMessageContaining("after 3 attempt(s)");
                    });
            SendResult next = producer.sendSync(ProducerRecord.of(TOPIC, utf8("lucky")));

            assertThat(next.hasOffset()).isTrue();
            assertThat(broker.batches()).containsExactly(
                    new ReceivedBatch(PRODUCER_ID, (short) 0, 0, 1),
                    new ReceivedBatch(PRODUCER_ID, (short) 0, 0, 1),
                    new ReceivedBatch(PRODUCER_ID, (short) 0, 0, 1),
                    new ReceivedBatch(PRODUCER_ID, (short) 1, 0, 1));
            assertThat(producer.metrics().retries()).isEqualTo(2);
            assertThat(producer.metrics().recordErrorsByCode()).containsEntry("NOT_ENOUGH_REPLICAS", 1L);
        }
    }

    @Test
    void aLeaderChangeRefreshesMetadataAndTheRetrySucceeds() throws Exception {
        try (ScriptedProduceBroker broker = ScriptedProduceBroker.answeringProduce(Errors.NONE,
                Errors.NOT_LEADER_OR_FOLLOWER);
             MqProducer producer = producer(broker, ProducerOptions.builder().acks(Acks.LEADER))) {
            producer.sendSync(ProducerRecord.of(TOPIC, utf8("warm-up")));
            int metadataBefore = broker.metadataRequests();

            SendResult moved = producer.sendSync(ProducerRecord.of(TOPIC, utf8("moved")));

            assertThat(moved.offset()).isEqualTo(1);
            assertThat(broker.produceRequests()).isEqualTo(3);
            long deadline = System.nanoTime() + ProducerTestSupport.WAIT.toNanos();
            while (broker.metadataRequests() == metadataBefore && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(broker.metadataRequests()).as("a refresh after NOT_LEADER_OR_FOLLOWER")
                    .isGreaterThan(metadataBefore);
            assertThat(broker.batches()).allMatch(b -> b.producerId() == -1L, "not idempotent");
        }
    }

    @Test
    void aFatalErrorStopsTheProducerAndFailsEveryLaterSendWithoutSpinning() throws Exception {
        try (ScriptedProduceBroker broker = ScriptedProduceBroker.answeringProduce(
                Errors.CLUSTER_AUTHORIZATION_FAILED);
             MqProducer producer = producer(broker, ProducerOptions.builder().idempotence(true))) {

            CompletableFuture<SendResult> first = producer.send(ProducerRecord.of(TOPIC, utf8("denied")));

            assertThatThrownBy(() -> await(first)).cause().isInstanceOfSatisfying(FatalSendException.class, e -> {
                assertThat(e.code()).isEqualTo(SendFailedException.PRODUCER_FAILED);
                assertThat(e.getCause()).isInstanceOfSatisfying(MqException.class,
                        cause -> assertThat(cause.error()).contains(Errors.CLUSTER_AUTHORIZATION_FAILED));
            });
            assertThat(producer.state()).isEqualTo(MqProducer.State.FAILED);
            CompletableFuture<SendResult> later = producer.send(ProducerRecord.of(TOPIC, utf8("later")));
            assertThat(later).isCompletedExceptionally();
            assertThatThrownBy(later::join).cause().isInstanceOfSatisfying(FatalSendException.class,
                    e -> assertThat(e.code()).isEqualTo(SendFailedException.PRODUCER_FAILED));
            assertThat(broker.produceRequests()).isEqualTo(1);
        }
    }

    @Test
    void aRejectedProducerIdRequestIsFatal() throws Exception {
        try (ScriptedProduceBroker broker = new ScriptedProduceBroker(n -> Errors.NONE,
                n -> Errors.CLUSTER_AUTHORIZATION_FAILED);
             MqProducer producer = producer(broker, ProducerOptions.builder().idempotence(true))) {

            CompletableFuture<SendResult> send = producer.send(ProducerRecord.of(TOPIC, utf8("never")));

            assertThatThrownBy(() -> await(send)).cause().isInstanceOfSatisfying(FatalSendException.class,
                    e -> assertThat(e.code()).isEqualTo(SendFailedException.PRODUCER_FAILED));
            assertThat(producer.state()).isEqualTo(MqProducer.State.FAILED);
            assertThat(broker.produceRequests()).isZero();
            assertThat(broker.initProducerIdRequests()).isEqualTo(1);
        }
    }

    @Test
    void retriableProducerIdFailuresAreRetried() throws Exception {
        try (ScriptedProduceBroker broker = new ScriptedProduceBroker(n -> Errors.NONE,
                n -> n < 2 ? Errors.COORDINATOR_NOT_AVAILABLE : Errors.NONE);
             MqProducer producer = producer(broker, ProducerOptions.builder().idempotence(true))) {

            producer.sendSync(ProducerRecord.of(TOPIC, utf8("eventually")));

            assertThat(broker.initProducerIdRequests()).isEqualTo(3);
            assertThat(broker.batches()).containsExactly(new ReceivedBatch(PRODUCER_ID, (short) 0, 0, 1));
        }
    }

    @Test
    void partitionersObservingBrokersLearnOfFailuresAndRecoveriesBeforeCallersDo() throws Exception {
        List<String> observed = new CopyOnWriteArrayList<>();
        final class Observing implements Partitioner, NodeObserver {
            @Override
            public int partition(String topic, byte[] key, byte[] value, PartitionView partitions) {
                return 0;
            }

            @Override
            public void onRequestCompleted(int nodeId, long latencyNanos) {
                observed.add("answered by " + nodeId);
            }

            @Override
            public void onRequestFailed(int nodeId) {
                observed.add("failed on " + nodeId);
            }
        }
        try (ScriptedProduceBroker broker = ScriptedProduceBroker.answeringProduce(Errors.NOT_ENOUGH_REPLICAS);
             MqProducer producer = producer(broker, ProducerOptions.builder().acks(Acks.LEADER)
                     .partitioner(Observing::new))) {

            producer.sendSync(ProducerRecord.of(TOPIC, utf8("observed")));

            assertThat(observed).containsExactly("failed on 1", "answered by 1");
        }
    }
}

package io.mq.producer.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.mq.producer.FatalSendException;
import io.mq.producer.Persistence;
import io.mq.producer.ProducerRecord;
import io.mq.producer.RetriableSendException;
import io.mq.producer.SendConfigurationException;
import io.mq.producer.SendFailedException;
import io.mq.producer.SendResult;
import io.mq.protocol.Errors;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RecordsQueuedForUnknownTopicTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final DefaultProducerMetrics metrics = new DefaultProducerMetrics();
    private final RecordsQueuedForUnknownTopic waiting = new RecordsQueuedForUnknownTopic(1000,
            Duration.ofSeconds(10), ProducerInterceptors.NONE, metrics);

    @Test
    void recordsWaitPerTopicAndAreReleasedInSendOrder() {
        ProducerRecord first = ProducerRecord.of("a", new byte[] {1});
        ProducerRecord second = ProducerRecord.of("a", new byte[] {2});
        waiting.park(first, null, false, 0);
        waiting.park(ProducerRecord.of("b", new byte[] {3}), null, true, 0);
        waiting.park(second, new SendFuture(), false, SECOND);

        assertThat(waiting.topics()).containsExactlyInAnyOrder("a", "b");
        assertThat(waiting.size()).isEqualTo(3);
        List<RecordsQueuedForUnknownTopic.Parked> released = waiting.release("a");

        assertThat(released).extracting(RecordsQueuedForUnknownTopic.Parked::record).containsExactly(first, second);
        assertThat(waiting.topics()).containsExactly("b");
        assertThat(waiting.size()).isEqualTo(1);
        assertThat(waiting.release("unknown")).isEmpty();
    }

    @Test
    void recordsStillWaitingAfterTheBoundFailWithAMetadataTimeout() {
        SendFuture old = new SendFuture();
        SendFuture young = new SendFuture();
        waiting.park(ProducerRecord.of("a", new byte[1]), old, false, 0);
        waiting.park(ProducerRecord.of("a", new byte[1]), young, false, 5 * SECOND);
        assertThat(waiting.nextExpiryNanos()).isEqualTo(10 * SECOND);

        assertThat(waiting.expire(10 * SECOND)).isEqualTo(1);

        assertThatThrownBy(old::join).cause().isInstanceOfSatisfying(RetriableSendException.class, e -> {
            assertThat(e.code()).isEqualTo(SendFailedException.METADATA_TIMEOUT);
            assertThat(e).hasMessageContaining("Send to a failed").hasMessageContaining("10000 ms");
        });
        assertThat(young).isNotDone();
        assertThat(waiting.nextExpiryNanos()).isEqualTo(15 * SECOND);
        assertThat(metrics.recordErrorsByCode()).containsEntry(SendFailedException.METADATA_TIMEOUT, 1L);
    }

    @Test
    void theAreaIsBoundedInBytes() {
        waiting.park(ProducerRecord.of("a", new byte[900]), null, false, 0);

        assertThatThrownBy(() -> waiting.park(ProducerRecord.of("a", new byte[100]), null, false, 0))
                .isInstanceOfSatisfying(RetriableSendException.class,
                        e -> assertThat(e.code()).isEqualTo(SendFailedException.BUFFER_EXHAUSTED));

        waiting.release("a");
        assertThat(waiting.bytes()).isZero();
        waiting.park(ProducerRecord.of("a", new byte[100]), null, false, 0);
    }

    @Test
    void aThreadWaitsForRoomUntilRecordsLeave() throws Exception {
        ProducerRecord next = ProducerRecord.of("b", new byte[100]);
        waiting.park(ProducerRecord.of("a", new byte[900]), null, false, 0);
        assertThat(waiting.hasRoomFor(next)).isFalse();
        CompletableFuture<Long> left = CompletableFuture.supplyAsync(() -> {
            synchronized (waiting) {
                return waiting.awaitRoom(next, Duration.ofSeconds(30).toNanos());
            }
        });

        Thread.sleep(50); // the waiter is parked on the monitor by now, or finds room at once when it gets there
        waiting.release("a");

        assertThat(left.get(10, java.util.concurrent.TimeUnit.SECONDS)).isPositive();
        assertThat(waiting.hasRoomFor(next)).isTrue();
    }

    @Test
    void waitingForRoomEndsWithBufferExhaustedWhenTheTimeRunsOut() {
        ProducerRecord next = ProducerRecord.of("b", new byte[100]);
        waiting.park(ProducerRecord.of("a", new byte[900]), null, false, 0);

        long left = waiting.awaitRoom(next, Duration.ofMillis(20).toNanos());

        assertThat(left).isNotPositive();
        assertThatThrownBy(() -> waiting.awaitRoom(next, left)).isInstanceOfSatisfying(RetriableSendException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(SendFailedException.BUFFER_EXHAUSTED);
                    assertThat(e).hasMessageContaining("waited the max block time");
                });
    }

    @Test
    void afterAbortingTheAreaRefusesRecordsWithTheAbortCode() {
        waiting.abortAll("the producer closed", SendFailedException.PRODUCER_CLOSED, null);

        assertThatThrownBy(() -> waiting.park(ProducerRecord.of("a", new byte[1]), null, false, 0))
                .isInstanceOfSatisfying(FatalSendException.class, e -> {
                    assertThat(e.code()).isEqualTo(SendFailedException.PRODUCER_CLOSED);
                    assertThat(e).hasMessageContaining("the producer closed");
                });
    }

    @Test
    void aTopicTheMetadataRejectsFailsItsRecordsWithThatError() {
        SendFuture future = new SendFuture();
        waiting.park(ProducerRecord.of("secret", null), future, false, 0);

        assertThat(waiting.fail("secret", Errors.TOPIC_AUTHORIZATION_FAILED)).isEqualTo(1);

        assertThatThrownBy(future::join).cause().isInstanceOf(SendConfigurationException.class)
                .hasMessageContaining("TOPIC_AUTHORIZATION_FAILED");
        assertThat(waiting.size()).isZero();
    }

    @Test
    void abortFailsEveryWaitingRecord() {
        SendFuture future = new SendFuture();
        waiting.park(ProducerRecord.of("a", null), future, false, 0);

        assertThat(waiting.abortAll(new IllegalStateException("closed"))).isEqualTo(1);

        assertThatThrownBy(future::join).cause().isInstanceOfSatisfying(SendFailedException.class,
                e -> assertThat(e.code()).isEqualTo(SendFailedException.ABORTED));
        assertThat(waiting.topics()).isEmpty();
        assertThat(waiting.nextExpiryNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aTopicIsWaitingWhileItHasRecordsParkedAndTheyKeepTheirModes() {
        ProducerRecord first = ProducerRecord.of("a", new byte[] {1});
        ProducerRecord second = ProducerRecord.of("a", new byte[] {2});
        assertThat(waiting.isWaiting("a")).isFalse();
        waiting.park(first, null, false, true, 0);

        waiting.park(second, null, true, false, SECOND);
        assertThat(waiting.isWaiting("a")).isTrue();
        assertThat(waiting.isWaiting("b")).isFalse();
        assertThat(waiting.release("a")).extracting(RecordsQueuedForUnknownTopic.Parked::record,
                RecordsQueuedForUnknownTopic.Parked::sync, RecordsQueuedForUnknownTopic.Parked::oneway)
                .containsExactly(tuple(first, false, true),
                        tuple(second, true, false));
        assertThat(waiting.isWaiting("a")).isFalse();
    }

    @Test
    void theOldestParkedRecordIsKnownPerTopicAndOverall() {
        assertThat(waiting.oldestParkedNanos()).isEqualTo(Long.MAX_VALUE);
        waiting.park(ProducerRecord.of("a", new byte[1]), null, false, 3 * SECOND);
        waiting.park(ProducerRecord.of("b", new byte[1]), null, false, 2 * SECOND);
        waiting.park(ProducerRecord.of("a", new byte[1]), null, false, 4 * SECOND);

        assertThat(waiting.oldestParkedNanos()).isEqualTo(2 * SECOND);
        assertThat(waiting.oldestParkedNanos("a")).isEqualTo(3 * SECOND);
        assertThat(waiting.oldestParkedNanos("c")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void expiringOneTopicFailsItsRecordsThatWaitedTheBoundWithTheFailureGiven() {
        SendFuture old = new SendFuture();
        SendFuture young = new SendFuture();
        SendFuture other = new SendFuture();
        waiting.park(ProducerRecord.of("a", new byte[1]), old, false, 0);
        waiting.park(ProducerRecord.of("a", new byte[1]), young, false, 5 * SECOND);
        waiting.park(ProducerRecord.of("b", new byte[1]), other, false, 0);

        int failed = waiting.expire("a", 10 * SECOND, p -> new RetriableSendException("no such topic",
                p.record().topic(), SendFailedException.NO_PARTITION, "CUSTOM", Persistence.NOT_PERSISTED));

        assertThat(failed).isEqualTo(1);
        assertThatThrownBy(old::join).cause().isInstanceOfSatisfying(RetriableSendException.class,
                e -> assertThat(e.code()).isEqualTo("CUSTOM"));
        assertThat(young).isNotDone();
        assertThat(other).isNotDone();
        assertThat(waiting.size()).isEqualTo(2);
        assertThat(metrics.recordErrorsByCode()).containsEntry("CUSTOM", 1L);
    }

    @Test
    void abortingAllCanNameItsReasonAndCode() {
        SendFuture future = new SendFuture();
        waiting.park(ProducerRecord.of("a", new byte[1]), future, false, 0);

        assertThat(waiting.abortAll("the producer closed", SendFailedException.PRODUCER_CLOSED, null)).isEqualTo(1);

        assertThatThrownBy(future::join).cause().isInstanceOfSatisfying(FatalSendException.class,
                e -> assertThat(e.code()).isEqualTo(SendFailedException.PRODUCER_CLOSED));
        assertThat(waiting.size()).isZero();
    }
}

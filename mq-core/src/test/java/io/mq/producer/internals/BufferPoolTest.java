package io.mq.producer.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.metadata.TopicPartition;
import io.mq.producer.BackpressureMode;
import io.mq.producer.FatalSendException;
import io.mq.producer.Persistence;
import io.mq.producer.RetriableSendException;
import io.mq.producer.SendConfigurationException;
import io.mq.producer.SendFailedException;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BufferPoolTest {

    private static final TopicPartition TP = new TopicPartition("orders", 3);
    private static final long WAIT_SECONDS = 30;

    @Test
    void reservationsAreAccountedAndReleased() {
        BufferPool pool = pool(BackpressureMode.FAIL_FAST, Duration.ZERO);

        pool.reserve(600, TP);
        pool.reserve(400, TP);
        assertThat(pool.availableMemory()).isZero();
        assertThat(pool.reservedMemory()).isEqualTo(1000);

        pool.release(600);
        pool.release(400);
        assertThat(pool.availableMemory()).isEqualTo(1000);
    }

    @Test
    void failFastThrowsARetriableBufferExhaustedNamingThePartition() {
        BufferPool pool = pool(BackpressureMode.FAIL_FAST, Duration.ofSeconds(60));
        pool.reserve(900, TP);

        assertThatThrownBy(() -> pool.reserve(200, TP))
                .isInstanceOfSatisfying(RetriableSendException.class, e -> {
                    assertThat(e.code()).isEqualTo(SendFailedException.BUFFER_EXHAUSTED);
                    assertThat(e.persistence()).isEqualTo(Persistence.NOT_PERSISTED);
                    assertThat(e.topic()).isEqualTo("orders");
                    assertThat(e.partition()).isEqualTo(3);
                    assertThat(e).hasMessageContaining("orders-3").hasMessageContaining("FAIL_FAST");
                });
        assertThat(pool.availableMemory()).isEqualTo(100);
    }

    @Test
    void aReservationLargerThanAllMemoryIsAConfigurationError() {
        BufferPool pool = pool(BackpressureMode.BLOCK, Duration.ofSeconds(60));

        assertThatThrownBy(() -> pool.reserve(1001, TP)).isInstanceOf(SendConfigurationException.class)
                .hasMessageContaining("bufferMemory");
    }

    @Test
    void blockWaitsUntilMemoryIsReleased() throws Exception {
        BufferPool pool = pool(BackpressureMode.BLOCK, Duration.ofMinutes(5));
        pool.reserve(1000, TP);

        CompletableFuture<Void> blocked = runOnNewThread(() -> pool.reserve(500, TP));
        awaitWaiters(pool, 1);
        assertThat(blocked).isNotDone();

        pool.release(1000);

        blocked.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(pool.availableMemory()).isEqualTo(500);
        assertThat(pool.hasWaiters()).isFalse();
    }

    @Test
    void blockGivesUpAfterTheMaxBlockTime() {
        BufferPool pool = pool(BackpressureMode.BLOCK, Duration.ofMillis(20));
        pool.reserve(1000, TP);

        assertThatThrownBy(() -> pool.reserve(1, TP)).isInstanceOfSatisfying(RetriableSendException.class,
                e -> assertThat(e.code()).isEqualTo(SendFailedException.BUFFER_EXHAUSTED))
                .hasMessageContaining("max block time");
        assertThat(pool.hasWaiters()).isFalse();
    }

    @Test
    void anEventLoopThreadFailsFastEvenInBlockMode() throws Exception {
        BufferPool pool = pool(BackpressureMode.BLOCK, Duration.ofMinutes(5));
        pool.reserve(1000, TP);
        DefaultEventLoop eventLoop = new DefaultEventLoop();
        try {
            Throwable failure = eventLoop.submit(() -> {
                try {
                    pool.reserve(10, TP);
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }).get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(failure).isInstanceOf(RetriableSendException.class).hasMessageContaining("event-loop");
        } finally {
            eventLoop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
    }

    @Test
    void closeFailsWaitingThreads() throws Exception {
        BufferPool pool = pool(BackpressureMode.BLOCK, Duration.ofMinutes(5));
        pool.reserve(1000, TP);
        CompletableFuture<Void> blocked = runOnNewThread(() -> pool.reserve(1, TP));
        awaitWaiters(pool, 1);

        pool.close();

        assertThatThrownBy(() -> blocked.get(WAIT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(FatalSendException.class,
                        e -> assertThat(e.code()).isEqualTo(SendFailedException.PRODUCER_CLOSED));
    }

    @Test
    void waitersAreServedFirstComeFirstServed() throws Exception {
        BufferPool pool = pool(BackpressureMode.BLOCK, Duration.ofMinutes(5));
        pool.reserve(1000, TP);
        CompletableFuture<Void> big = runOnNewThread(() -> pool.reserve(800, TP));
        awaitWaiters(pool, 1);
        CompletableFuture<Void> small = runOnNewThread(() -> pool.reserve(100, TP));
        awaitWaiters(pool, 2);

        pool.release(200); // enough for the small one, not for the big one queued ahead of it
        assertThat(small).isNotDone();
        pool.release(800);

        big.get(WAIT_SECONDS, TimeUnit.SECONDS);
        small.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(pool.availableMemory()).isEqualTo(100);
    }

    private static BufferPool pool(BackpressureMode mode, Duration maxBlock) {
        return new BufferPool(1000, mode, maxBlock, PooledByteBufAllocator.DEFAULT);
    }

    private static CompletableFuture<Void> runOnNewThread(Runnable action) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        new Thread(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }, "user-thread").start();
        return done;
    }

    private static void awaitWaiters(BufferPool pool, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (pool.waitingThreads() < count) {
            assertThat(System.nanoTime()).as("threads waiting for memory").isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}

package io.mq.producer.internals;

import io.mq.metadata.TopicPartition;
import io.mq.producer.BackpressureMode;
import io.mq.producer.FatalSendException;
import io.mq.producer.Persistence;
import io.mq.producer.RetriableSendException;
import io.mq.producer.SendConfigurationException;
import io.mq.producer.SendFailedException;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.internal.ThreadExecutorMap;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounds the memory a producer's batches hold. Batches allocate their buffers from a pooled (direct, by default)
 * Netty allocator; this pool accounts the bytes each batch reserves before it allocates and gets them back when the
 * batch completes, so the total never exceeds {@link #totalMemory()}.
 *
 * <p>Reserving is a lock-free compare-and-set while memory is free. When it is not: {@link BackpressureMode#FAIL_FAST}
 * throws at once; {@link BackpressureMode#BLOCK} parks the calling thread, first come first served, until enough
 * memory is released or the max block time passes. A Netty event-loop thread is never parked: it fails fast.
 */
public final class BufferPool {

    private final long totalMemory;
    private final BackpressureMode mode;
    private final long maxBlockNanos;
    private final ByteBufAllocator allocator;
    private final AtomicLong available;
    private final ReentrantLock lock = new ReentrantLock();
    /** Threads waiting for memory, oldest first; guarded by {@link #lock}. */
    private final ArrayDeque<Condition> waiters = new ArrayDeque<>();
    private volatile int waiterCount;
    private volatile boolean closed;

    /**
     * @param totalMemory the bytes all batches together may hold
     * @param mode        what to do when memory is short
     * @param maxBlock    the longest a {@link BackpressureMode#BLOCK} reservation waits
     * @param allocator   where batch buffers come from, e.g. {@code PooledByteBufAllocator.DEFAULT}
     */
    public BufferPool(long totalMemory, BackpressureMode mode, Duration maxBlock, ByteBufAllocator allocator) {
        if (totalMemory <= 0) {
            throw new IllegalArgumentException("totalMemory must be > 0, was " + totalMemory);
        }
        this.totalMemory = totalMemory;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.maxBlockNanos = Objects.requireNonNull(maxBlock, "maxBlock").toNanos();
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.available = new AtomicLong(totalMemory);
    }

    /**
     * Reserves {@code bytes} for a batch of {@code partition}; pair it with {@link #release(int)}.
     *
     * @throws SendConfigurationException if {@code bytes} exceeds the total memory (it could never fit)
     * @throws RetriableSendException     if memory is short and the pool fails fast, the caller is an event-loop
     *                                    thread, the wait timed out, or the thread was interrupted (its interrupt
     *                                    flag is then set again)
     * @throws FatalSendException         if the pool was closed
     */
    public void reserve(int bytes, TopicPartition partition) {
        if (bytes > totalMemory) {
            throw new SendConfigurationException("a batch of " + bytes + " bytes is larger than the whole buffer memory ("
                    + totalMemory + " bytes); raise bufferMemory or send smaller records", partition.topic(),
                    partition.partition(), SendFailedException.RECORD_TOO_LARGE, Persistence.NOT_PERSISTED);
        }
        if (closed) {
            throw closedException(partition);
        }
        if (tryReserveWithoutWaiting(bytes)) {
            return;
        }
        if (mode == BackpressureMode.FAIL_FAST || maxBlockNanos <= 0) {
            throw exhausted(bytes, partition, "backpressure mode is FAIL_FAST");
        }
        if (isEventLoopThread()) {
            throw exhausted(bytes, partition, "sends from a Netty event-loop thread never block");
        }
        reserveBlocking(bytes, partition);
    }

    /**
     * How long the calling thread may wait when the producer is full: the max block time under
     * {@link BackpressureMode#BLOCK}, 0 under {@link BackpressureMode#FAIL_FAST} and on a Netty event-loop thread.
     */
    public long blockNanosForCaller() {
        return mode == BackpressureMode.BLOCK && !isEventLoopThread() ? Math.max(0, maxBlockNanos) : 0;
    }

    /** Whether memory freed later is worth waiting for: the pool blocks callers instead of failing them fast. */
    public boolean blocksWhenFull() {
        return mode == BackpressureMode.BLOCK && maxBlockNanos > 0;
    }

    /** Returns {@code bytes} reserved earlier and wakes the oldest waiting thread. */
    public void release(int bytes) {
        available.addAndGet(bytes);
        if (waiterCount != 0) {
            lock.lock();
            try {
                Condition first = waiters.peekFirst();
                if (first != null) {
                    first.signal();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Fails every waiting and later reservation; memory already reserved is still released as usual. */
    public void close() {
        closed = true;
        lock.lock();
        try {
            waiters.forEach(Condition::signal);
        } finally {
            lock.unlock();
        }
    }

    /** The allocator batch buffers come from. */
    public ByteBufAllocator allocator() {
        return allocator;
    }

    /** The bytes all batches together may hold. */
    public long totalMemory() {
        return totalMemory;
    }

    /** Bytes free to reserve now. */
    public long availableMemory() {
        return available.get();
    }

    /** Bytes reserved by batches now. */
    public long reservedMemory() {
        return totalMemory - available.get();
    }

    /** Whether threads are waiting for memory (the sender should then send whatever it can to free some). */
    public boolean hasWaiters() {
        return waiterCount != 0;
    }

    /** How many threads are waiting for memory. */
    public int waitingThreads() {
        return waiterCount;
    }

    /** Whether the current thread belongs to a Netty event loop (or is any Netty fast-thread-local thread). */
    static boolean isEventLoopThread() {
        return Thread.currentThread() instanceof FastThreadLocalThread || ThreadExecutorMap.currentExecutor() != null;
    }

    private boolean tryReserveWithoutWaiting(int bytes) {
        if (waiterCount != 0) {
            return false; // first come, first served: queue behind the waiters
        }
        return tryTake(bytes);
    }

    private boolean tryTake(int bytes) {
        long free;
        do {
            free = available.get();
            if (free < bytes) {
                return false;
            }
        } while (!available.compareAndSet(free, free - bytes));
        return true;
    }

    private void reserveBlocking(int bytes, TopicPartition partition) {
        lock.lock();
        Condition turn = lock.newCondition();
        waiters.addLast(turn);
        waiterCount++;
        try {
            long remaining = maxBlockNanos;
            while (true) {
                if (closed) {
                    throw closedException(partition);
                }
                if (waiters.peekFirst() == turn && tryTake(bytes)) {
                    return;
                }
                if (remaining <= 0) {
                    throw exhausted(bytes, partition, "waited the max block time of "
                            + TimeUnit.NANOSECONDS.toMillis(maxBlockNanos) + " ms");
                }
                remaining = turn.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableSendException("interrupted while waiting for " + bytes + " bytes of buffer memory",
                    partition.topic(), partition.partition(), SendFailedException.INTERRUPTED,
                    Persistence.NOT_PERSISTED);
        } finally {
            waiters.remove(turn);
            waiterCount--;
            Condition next = waiters.peekFirst();
            if (next != null && available.get() > 0) {
                next.signal();
            }
            lock.unlock();
        }
    }

    private RetriableSendException exhausted(int bytes, TopicPartition partition, String why) {
        return new RetriableSendException("buffer memory exhausted: " + bytes + " bytes needed, "
                + available.get() + " of " + totalMemory + " free (" + why + ")", partition.topic(),
                partition.partition(), SendFailedException.BUFFER_EXHAUSTED, Persistence.NOT_PERSISTED);
    }

    private static FatalSendException closedException(TopicPartition partition) {
        return new FatalSendException("the producer is closed", partition.topic(), partition.partition(),
                SendFailedException.PRODUCER_CLOSED, Persistence.NOT_PERSISTED);
    }
}

package io.mq.broker.storage;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flush thread ({@code mq-storage-flush}). SYNC mode, group commit: appenders register a future for their
 * entry's end position; the thread waits for pending futures, forces the commit log up to the current write
 * position (covering every entry appended before it), then completes all covered futures. ASYNC mode: it forces
 * every flush interval, or early once {@code flushDirtyBytes} are unflushed. A failed force fails the pending
 * futures and reports the failure to the store.
 */
final class FlushService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FlushService.class);

    private record Pending(long endPosition, CompletableFuture<Void> future) {
    }

    private final CommitLog commitLog;
    private final FlushMode mode;
    private final long intervalNanos;
    private final long dirtyBytes;
    private final Consumer<IOException> onFailure;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final Thread thread;
    private final AtomicLong flushCount = new AtomicLong();
    private volatile long lastFlushNanos;
    private volatile long flushedPosition;
    private volatile IOException failure;
    private boolean running = true;

    FlushService(CommitLog commitLog, StorageOptions options, Consumer<IOException> onFailure) {
        this.commitLog = commitLog;
        this.mode = options.flushMode();
        this.intervalNanos = options.flushInterval().toNanos();
        this.dirtyBytes = options.flushDirtyBytes();
        this.onFailure = onFailure;
        this.flushedPosition = commitLog.writePosition();
        this.thread = new Thread(this::run, "mq-storage-flush");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Called after an entry ending at {@code endPosition} was written: the future that completes when it is
     * durable (already complete in ASYNC mode).
     */
    CompletableFuture<Void> durableAt(long endPosition) {
        if (mode == FlushMode.ASYNC) {
            if (endPosition - flushedPosition >= dirtyBytes) {
                signal();
            }
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        lock.lock();
        try {
            if (failure != null) {
                future.completeExceptionally(storageFailure(failure));
            } else if (endPosition <= flushedPosition) {
                future.complete(null);
            } else {
                pending.addLast(new Pending(endPosition, future));
                wake.signal();
            }
        } finally {
            lock.unlock();
        }
        return future;
    }

    long flushCount() {
        return flushCount.get();
    }

    long lastFlushNanos() {
        return lastFlushNanos;
    }

    private void signal() {
        lock.lock();
        try {
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (awaitWork()) {
            flush();
        }
    }

    /** Waits until there is something to force; false once closed or failed. */
    private boolean awaitWork() {
        lock.lock();
        try {
            long deadline = System.nanoTime() + intervalNanos;
            while (running && failure == null) {
                if (mode == FlushMode.SYNC) {
                    if (!pending.isEmpty()) {
                        return true;
                    }
                    wake.await();
                    continue;
                }
                long dirty = commitLog.writePosition() - flushedPosition;
                long left = deadline - System.nanoTime();
                if (dirty > 0 && (left <= 0 || dirty >= dirtyBytes)) {
                    return true;
                }
                if (left <= 0) {
                    deadline = System.nanoTime() + intervalNanos;
                    left = intervalNanos;
                }
                wake.awaitNanos(left);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Forces up to the current write position and completes the covered futures. */
    private void flush() {
        long target = commitLog.writePosition();
        long from = flushedPosition;
        if (target <= from) {
            return;
        }
        long started = System.nanoTime();
        try {
            commitLog.force(from, target);
        } catch (IOException e) {
            fail(e);
            return;
        }
        lastFlushNanos = System.nanoTime() - started;
        flushCount.incrementAndGet();
        lock.lock();
        try {
            flushedPosition = Math.max(flushedPosition, target);
            while (!pending.isEmpty() && pending.peekFirst().endPosition() <= target) {
                pending.pollFirst().future().complete(null);
            }
        } finally {
            lock.unlock();
        }
    }

    private void fail(IOException e) {
        log.error("Forcing the commit log to disk failed; the store stops accepting appends", e);
        lock.lock();
        try {
            failure = e;
            while (!pending.isEmpty()) {
                pending.pollFirst().future().completeExceptionally(storageFailure(e));
            }
        } finally {
            lock.unlock();
        }
        onFailure.accept(e);
    }

    private static StorageException storageFailure(IOException e) {
        return new StorageException("commit log fsync failed: " + e.getMessage(), e);
    }

    /** Stops the thread after a final flush that completes every pending future. */
    @Override
    public void close() throws InterruptedException {
        lock.lock();
        try {
            running = false;
            wake.signal();
        } finally {
            lock.unlock();
        }
        thread.join();
        if (failure == null) {
            flush();
        }
    }
}

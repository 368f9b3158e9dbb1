package io.mq.broker.storage;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test when Netty's leak detector (paranoid in the build) reports a leaked buffer: after the test it
 * collects garbage, allocates a few tracked buffers so the detector drains its queue, and checks the log.
 */
final class NoLeaks implements BeforeEachCallback, AfterEachCallback {

    private final Logger detectorLog = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        appender.list.clear();
        appender.start();
        detectorLog.addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            for (int round = 0; round < 3; round++) {
                System.gc();
                for (int i = 0; i < 100; i++) {
                    ByteBuf probe = PooledByteBufAllocator.DEFAULT.directBuffer(16);
                    probe.release();
                }
            }
            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(message -> message.contains("LEAK"));
        } finally {
            detectorLog.detachAppender(appender);
            appender.stop();
        }
    }
}

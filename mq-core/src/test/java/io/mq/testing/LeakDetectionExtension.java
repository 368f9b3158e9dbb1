package io.mq.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reports a leaked buffer. Registered for every test through JUnit's extension
 * auto-detection; installs a leak-detector factory that records reports (tests run with
 * {@code -Dio.netty.leakDetection.level=paranoid}, so every buffer is tracked), and after each class forces garbage
 * collection so leaked buffers are found and reported.
 */
public final class LeakDetectionExtension implements AfterAllCallback {

    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    static {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        for (int i = 0; i < 3 && LEAKS.isEmpty(); i++) {
            System.gc();
            Thread.sleep(20);
            // leaks are reported when a later allocation polls the reference queue
            ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(1);
            probe.release();
        }
        if (!LEAKS.isEmpty()) {
            String report = String.join("\n\n", LEAKS);
            LEAKS.clear();
            throw new AssertionError("Netty buffer leak detected in or before " + context.getDisplayName() + ":\n"
                    + report);
        }
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                long maxActive) {
            return new RecordingDetector<>(resource, samplingInterval);
        }
    }

    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
        RecordingDetector(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            LEAKS.add(resourceType + " leak:" + records);
            super.reportTracedLeak(resourceType, records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            LEAKS.add(resourceType + " leak (untraced)");
            super.reportUntracedLeak(resourceType);
        }
    }
}

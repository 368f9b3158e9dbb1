package io.mq.spring.autoconfigure;

import io.mq.producer.MqProducer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * Flushes the producer's pending sends on shutdown, after the web server's graceful shutdown has let the last
 * requests finish (its stop phase is lower, so it runs later). Stopping does not block: the lifecycle processor
 * waits for the flush up to {@code spring.lifecycle.timeout-per-shutdown-phase}. The producer bean is closed
 * afterwards, when the context destroys its beans, and the embedded broker last.
 */
public final class MqProducerLifecycle implements SmartLifecycle {

    /** The phase: stopped after {@link WebServerGracefulShutdownLifecycle#SMART_LIFECYCLE_PHASE}. */
    public static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 512;

    private static final Log logger = LogFactory.getLog(MqProducerLifecycle.class);

    private final MqProducer producer;
    private volatile boolean running;

    /** Flushes {@code producer} when stopped. */
    public MqProducerLifecycle(MqProducer producer) {
        this.producer = producer;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        producer.flush().join();
        running = false;
    }

    @Override
    public void stop(Runnable callback) {
        logger.debug("Flushing pending sends of producer " + producer.clientId());
        producer.flush().whenComplete((ignored, failure) -> {
            running = false;
            callback.run();
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}

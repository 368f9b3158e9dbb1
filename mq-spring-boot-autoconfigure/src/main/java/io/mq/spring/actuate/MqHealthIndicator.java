package io.mq.spring.actuate;

import io.mq.admin.ClusterDescription;
import io.mq.admin.MqAdmin;
import io.mq.broker.EmbeddedBroker;
import io.mq.producer.MqProducer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.lang.Nullable;

/**
 * Health of the cluster an {@link MqAdmin} talks to: UP with the cluster id and broker count when DescribeCluster is
 * answered within the timeout, DOWN with the reason otherwise (the error, or no answer in time). Details also show
 * the embedded broker's state, when one runs in the application (DOWN when it is not running), and the state of each
 * producer by client id.
 *
 * <p>Actuator calls health indicators on the request thread of {@code /actuator/health}; this one waits for the
 * asynchronous DescribeCluster call there, but never longer than the timeout, so a slow or unreachable cluster costs
 * one bounded wait per health request.
 */
public class MqHealthIndicator extends AbstractHealthIndicator {

    private final MqAdmin admin;
    private final Duration timeout;
    private final EmbeddedBroker embeddedBroker;
    private final Iterable<MqProducer> producers;

    /**
     * @param admin          asks the cluster for its description
     * @param timeout        the longest wait for the answer
     * @param embeddedBroker the broker running in this application, or {@code null}
     * @param producers      the producers whose state to show (read on every check, e.g. an {@code ObjectProvider})
     */
    public MqHealthIndicator(MqAdmin admin, Duration timeout, @Nullable EmbeddedBroker embeddedBroker,
            Iterable<MqProducer> producers) {
        super("mq health check failed");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.embeddedBroker = embeddedBroker;
        this.producers = Objects.requireNonNull(producers, "producers");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        addProducerStates(builder);
        if (embeddedBroker != null) {
            EmbeddedBroker.State state = embeddedBroker.state();
            builder.withDetail("embeddedBroker", state);
            if (state != EmbeddedBroker.State.RUNNING) {
                builder.down().withDetail("error", "the embedded broker is " + state);
                return;
            }
        }
        CompletableFuture<ClusterDescription> description = admin.describeCluster();
        try {
            ClusterDescription cluster = description.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            builder.up().withDetail("clusterId", String.valueOf(cluster.clusterId()))
                    .withDetail("brokers", cluster.nodes().size());
        } catch (TimeoutException e) {
            description.cancel(false);
            builder.down().withDetail("error", "the cluster did not describe itself within " + timeout);
        } catch (ExecutionException e) {
            builder.down(e.getCause() != null ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            description.cancel(false);
            builder.down().withDetail("error", "interrupted while waiting for the cluster");
        }
    }

    private void addProducerStates(Health.Builder builder) {
        Map<String, MqProducer.State> states = new LinkedHashMap<>();
        for (MqProducer producer : producers) {
            states.put(producer.clientId(), producer.state());
        }
        if (!states.isEmpty()) {
            builder.withDetail("producers", states);
        }
    }
}

package io.mq.spring.autoconfigure;

import io.mq.admin.MqAdmin;
import io.mq.admin.NewTopic;
import io.mq.admin.Outcome;
import io.mq.admin.TopicDescription;
import io.mq.admin.TopicExistsException;
import io.mq.admin.CreatedTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Creates the topics declared in {@code mq.topics[]} once the singletons are created (before the application starts
 * serving), and grows existing ones that have fewer partitions than declared; an existing topic with more partitions
 * is left alone. A declaration the broker rejects fails startup with an {@link InvalidMqPropertiesException} naming
 * the topic and the broker's reason.
 */
public final class MqTopicDeclarer implements SmartInitializingSingleton {

    private static final Log logger = LogFactory.getLog(MqTopicDeclarer.class);

    /** How long startup waits for the broker to answer the declarations. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final MqAdmin admin;
    private final List<MqProperties.Topic> topics;

    /** Declares {@code topics} with {@code admin}. */
    public MqTopicDeclarer(MqAdmin admin, List<MqProperties.Topic> topics) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (topics.isEmpty()) {
            return;
        }
        List<NewTopic> requested = new ArrayList<>();
        for (int i = 0; i < topics.size(); i++) {
            MqProperties.Topic topic = topics.get(i);
            if (topic.getName() == null || topic.getName().isBlank()) {
                throw new InvalidMqPropertiesException("mq.topics[" + i + "].name", "every declared topic needs a "
                        + "name", null);
            }
            requested.add(new NewTopic(topic.getName(), topic.getPartitions(), topic.getReplicationFactor(),
                    topic.getConfigs()));
        }
        List<Outcome<CreatedTopic>> outcomes = await(admin.createTopics(requested, false), "create topics");
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome<CreatedTopic> outcome = outcomes.get(i);
            NewTopic declared = requested.get(i);
            if (outcome.isSuccess()) {
                logger.info("Created topic '" + declared.name() + "' with " + declared.partitions() + " partitions");
            }
            else if (outcome.error() instanceof TopicExistsException) {
                grow(declared);
            }
            else {
                throw rejected(declared.name(), outcome.error());
            }
        }
    }

    private void grow(NewTopic declared) {
        TopicDescription existing = await(admin.describeTopic(declared.name()), "describe topic " + declared.name());
        if (existing.partitionCount() >= declared.partitions()) {
            return;
        }
        await(admin.addPartitions(declared.name(), declared.partitions(), false), "grow topic " + declared.name());
        logger.info("Grew topic '" + declared.name() + "' from " + existing.partitionCount() + " to "
                + declared.partitions() + " partitions");
    }

    private <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException ex) {
            throw rejected(what, ex.getCause());
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException("declaring mq.topics: the broker did not answer '" + what + "' within "
                    + TIMEOUT.toSeconds() + "s", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("declaring mq.topics: interrupted during '" + what + "'", ex);
        }
    }

    private static InvalidMqPropertiesException rejected(String what, Throwable cause) {
        return new InvalidMqPropertiesException("mq.topics", "the broker rejected the declared topic ("
                + what + "): " + cause.getMessage(), cause);
    }
}

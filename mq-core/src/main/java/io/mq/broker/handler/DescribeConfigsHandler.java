package io.mq.broker.handler;

import io.mq.broker.BrokerConfig;
import io.mq.broker.metadata.Topic;
import io.mq.broker.metadata.TopicConfig;
import io.mq.broker.metadata.TopicManager;
import io.mq.protocol.Errors;
import io.mq.protocol.message.DescribeConfigsRequest;
import io.mq.protocol.message.DescribeConfigsRequest.DescribeConfigsResource;
import io.mq.protocol.message.DescribeConfigsResponse;
import io.mq.protocol.message.DescribeConfigsResponse.DescribeConfigsResourceResult;
import io.mq.protocol.message.DescribeConfigsResponse.DescribeConfigsResult;
import io.mq.protocol.message.DescribeConfigsResponse.DescribeConfigsSynonym;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * DescribeConfigs, versions 1-4.
 *
 * <p>Behavior: for a topic (resource type 2) lists every supported topic config with its effective value and source
 * (set on the topic, or the broker default); for this broker (type 4, named by its id) lists the broker's static
 * settings, read-only. A subset can be requested by key. Unknown topics answer UNKNOWN_TOPIC_OR_PARTITION, other
 * brokers or resource types INVALID_REQUEST.
 *
 * <p>Version notes: synonyms (v1+) are included when asked; config types and (null) documentation from v3.
 */
public final class DescribeConfigsHandler implements RequestHandler<DescribeConfigsRequest> {

    private static final byte TOPIC = 2;
    private static final byte BROKER = 4;

    private final BrokerConfig config;
    private final TopicManager topics;

    public DescribeConfigsHandler(BrokerConfig config, TopicManager topics) {
        this.config = config;
        this.topics = topics;
    }

    @Override
    public CompletionStage<DescribeConfigsResponse> handle(RequestContext context, DescribeConfigsRequest request) {
        List<DescribeConfigsResult> results = new ArrayList<>(request.resources().size());
        for (DescribeConfigsResource resource : request.resources()) {
            results.add(describe(resource, request.includeSynonyms()));
        }
        return CompletableFuture.completedFuture(new DescribeConfigsResponse(0, results));
    }

    private DescribeConfigsResult describe(DescribeConfigsResource resource, boolean synonyms) {
        if (resource.resourceType() == TOPIC) {
            Topic topic = topics.topic(resource.resourceName());
            if (topic == null) {
                return failed(resource, Errors.UNKNOWN_TOPIC_OR_PARTITION,
                        "topic '" + resource.resourceName() + "' does not exist");
            }
            List<DescribeConfigsResourceResult> entries = new ArrayList<>();
            topics.defaultConfigs().forEach((key, fallback) -> {
                if (requested(resource, key)) {
                    boolean set = topic.configs().containsKey(key);
                    String value = set ? topic.configs().get(key) : fallback;
                    byte source = set ? ConfigSources.TOPIC : ConfigSources.DEFAULT;
                    entries.add(entry(key, value, false, source, synonyms, TopicConfig.type(key)));
                }
            });
            return new DescribeConfigsResult(Errors.NONE.code(), null, resource.resourceType(), resource.resourceName(),
                    entries);
        }
        if (resource.resourceType() == BROKER && (resource.resourceName().isEmpty()
                || resource.resourceName().equals(Integer.toString(config.brokerId())))) {
            List<DescribeConfigsResourceResult> entries = new ArrayList<>();
            brokerConfigs().forEach((key, value) -> {
                if (requested(resource, key)) {
                    entries.add(entry(key, value, true, ConfigSources.STATIC_BROKER, synonyms, (byte) 2));
                }
            });
            return new DescribeConfigsResult(Errors.NONE.code(), null, resource.resourceType(), resource.resourceName(),
                    entries);
        }
        return failed(resource, Errors.INVALID_REQUEST, "cannot describe configs of resource type "
                + resource.resourceType() + " named '" + resource.resourceName() + "'");
    }

    private Map<String, String> brokerConfigs() {
        Map<String, String> broker = new LinkedHashMap<>();
        broker.put("auto.create.topics.enable", Boolean.toString(config.autoCreateTopics()));
        broker.put("broker.id", Integer.toString(config.brokerId()));
        broker.put("log.flush.mode", config.flushMode().name().toLowerCase(java.util.Locale.ROOT));
        broker.put("log.retention.bytes", Long.toString(config.retentionBytes()));
        broker.put("log.retention.ms", Long.toString(config.retentionMs()));
        broker.put("log.segment.bytes", Long.toString(config.segmentBytes()));
        broker.put("message.max.bytes", Integer.toString(config.maxMessageBytes()));
        broker.put("num.partitions", Integer.toString(config.defaultPartitions()));
        broker.put("socket.request.max.bytes", Integer.toString(config.maxFrameBytes()));
        return broker;
    }

    private static boolean requested(DescribeConfigsResource resource, String key) {
        return resource.configurationKeys() == null || resource.configurationKeys().contains(key);
    }

    private static DescribeConfigsResourceResult entry(String key, String value, boolean readOnly, byte source,
            boolean synonyms, byte type) {
        List<DescribeConfigsSynonym> synonymList = synonyms ? List.of(new DescribeConfigsSynonym(key, value, source))
                : List.of();
        return new DescribeConfigsResourceResult(key, value, readOnly, source, false, synonymList, type, null);
    }

    private static DescribeConfigsResult failed(DescribeConfigsResource resource, Errors error, String message) {
        return new DescribeConfigsResult(error.code(), message, resource.resourceType(), resource.resourceName(),
                List.of());
    }
}

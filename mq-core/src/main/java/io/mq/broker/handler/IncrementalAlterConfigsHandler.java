package io.mq.broker.handler;

import static io.mq.protocol.message.IncrementalAlterConfigsRequest.OP_APPEND;
import static io.mq.protocol.message.IncrementalAlterConfigsRequest.OP_DELETE;
import static io.mq.protocol.message.IncrementalAlterConfigsRequest.OP_SET;
import static io.mq.protocol.message.IncrementalAlterConfigsRequest.OP_SUBTRACT;

import io.mq.broker.metadata.TopicConfig;
import io.mq.broker.metadata.TopicManager;
import io.mq.broker.metadata.TopicManager.Outcome;
import io.mq.protocol.Errors;
import io.mq.protocol.message.IncrementalAlterConfigsRequest;
import io.mq.protocol.message.IncrementalAlterConfigsRequest.AlterConfigsResource;
import io.mq.protocol.message.IncrementalAlterConfigsRequest.AlterableConfig;
import io.mq.protocol.message.IncrementalAlterConfigsResponse;
import io.mq.protocol.message.IncrementalAlterConfigsResponse.AlterConfigsResourceResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * IncrementalAlterConfigs, versions 0-1.
 *
 * <p>Behavior: changes the configs set on a topic (resource type 2), applying its operations in order: SET a value,
 * DELETE an entry (it reverts to the broker default), APPEND items to or SUBTRACT items from a list entry
 * ({@code cleanup.policy}), starting from its current value or default. The result is validated like CreateTopics
 * configs ({@link TopicConfig#validate}) and stored only if every entry is valid and {@code validateOnly} is false.
 * Unknown keys, invalid values and list operations on non-list keys answer INVALID_CONFIG; a key changed twice or
 * an unknown operation INVALID_REQUEST; an unknown topic UNKNOWN_TOPIC_OR_PARTITION. Other resource types (brokers,
 * loggers, groups) answer INVALID_REQUEST: the broker's settings are static.
 *
 * <p>Version notes: none; v1 only changes the encoding.
 */
public final class IncrementalAlterConfigsHandler implements RequestHandler<IncrementalAlterConfigsRequest> {

    private static final byte TOPIC = 2;

    private final TopicManager topics;

    public IncrementalAlterConfigsHandler(TopicManager topics) {
        this.topics = topics;
    }

    @Override
    public CompletionStage<IncrementalAlterConfigsResponse> handle(RequestContext context,
            IncrementalAlterConfigsRequest request) {
        List<CompletableFuture<AlterConfigsResourceResponse>> results = new ArrayList<>();
        for (AlterConfigsResource resource : request.resources()) {
            results.add(alter(resource, request.validateOnly()));
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<AlterConfigsResourceResponse> done = new ArrayList<>(results.size());
            results.forEach(r -> done.add(r.join()));
            return new IncrementalAlterConfigsResponse(0, done);
        });
    }

    private CompletableFuture<AlterConfigsResourceResponse> alter(AlterConfigsResource resource,
            boolean validateOnly) {
        if (resource.resourceType() != TOPIC) {
            return completed(resource, new Outcome(Errors.INVALID_REQUEST, "cannot alter configs of resource type "
                    + resource.resourceType() + " named '" + resource.resourceName()
                    + "': only topic configs (type 2) can be changed"));
        }
        Set<String> keys = new HashSet<>();
        for (AlterableConfig config : resource.configs()) {
            if (!keys.add(config.name())) {
                return completed(resource, new Outcome(Errors.INVALID_REQUEST, "topic config '" + config.name()
                        + "' is changed more than once in one request"));
            }
            if (config.configOperation() < OP_SET || config.configOperation() > OP_SUBTRACT) {
                return completed(resource, new Outcome(Errors.INVALID_REQUEST, "unknown config operation "
                        + config.configOperation() + " for '" + config.name() + "'"));
            }
        }
        return topics.setConfigs(resource.resourceName(), current -> apply(current, resource.configs()), validateOnly)
                .thenApply(outcome -> response(resource, outcome));
    }

    private Map<String, String> apply(Map<String, String> current, List<AlterableConfig> changes) {
        Map<String, String> configs = new HashMap<>(current);
        for (AlterableConfig change : changes) {
            String key = change.name();
            String fallback = topics.defaultConfigs().get(key);
            if (fallback == null) {
                throw new IllegalArgumentException(TopicConfig.validate(key, change.value()));
            }
            switch (change.configOperation()) {
                case OP_SET -> configs.put(key, change.value());
                case OP_DELETE -> configs.remove(key);
                default -> configs.put(key, changeList(key, configs.getOrDefault(key, fallback), change));
            }
        }
        return configs;
    }

    private static String changeList(String key, String current, AlterableConfig change) {
        if (TopicConfig.type(key) != TopicConfig.TYPE_LIST) {
            throw new IllegalArgumentException("topic config '" + key + "' is not a list: it cannot be "
                    + (change.configOperation() == OP_APPEND ? "appended to" : "subtracted from"));
        }
        if (change.value() == null) {
            throw new IllegalArgumentException("topic config '" + key + "' needs a value to "
                    + (change.configOperation() == OP_APPEND ? "append" : "subtract"));
        }
        Set<String> items = new LinkedHashSet<>(items(current));
        if (change.configOperation() == OP_APPEND) {
            items.addAll(items(change.value()));
        } else {
            items.removeAll(items(change.value()));
        }
        return String.join(",", items);
    }

    private static List<String> items(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static CompletableFuture<AlterConfigsResourceResponse> completed(AlterConfigsResource resource,
            Outcome outcome) {
        return CompletableFuture.completedFuture(response(resource, outcome));
    }

    private static AlterConfigsResourceResponse response(AlterConfigsResource resource, Outcome outcome) {
        return new AlterConfigsResourceResponse(outcome.error().code(),
                outcome.error() == Errors.NONE ? null : outcome.message(), resource.resourceType(),
                resource.resourceName());
    }
}

package io.mq.spring.web;

import io.mq.admin.ConfigChange;
import io.mq.admin.GroupState;
import io.mq.admin.MqAdmin;
import io.mq.admin.NewTopic;
import io.mq.admin.OffsetSpec;
import io.mq.admin.TopicListing;
import io.mq.metadata.TopicPartition;
import io.mq.protocol.TopicNames;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The HTTP admin API over {@link MqAdmin}, mapped under {@code mq.admin.web.base-path} ({@code /admin} by default).
 * Every method returns the admin client's {@link CompletableFuture} (Spring MVC completes the request
 * asynchronously), so no request thread waits for the cluster; the admin's operation timeout bounds each call.
 * Failures become {@code application/problem+json} responses through {@link MqAdminExceptionHandler}.
 */
@RestController
@RequestMapping("${mq.admin.web.base-path:/admin}")
public class MqAdminController {

    /** Page size of {@code GET /topics} when none is asked for. */
    public static final int DEFAULT_PAGE_SIZE = 50;

    /** Largest page size of {@code GET /topics}. */
    public static final int MAX_PAGE_SIZE = 500;

    private final MqAdmin admin;

    /** A controller calling {@code admin}. */
    public MqAdminController(MqAdmin admin) {
        this.admin = admin;
    }

    /** {@code GET /cluster}: the cluster id, the controller and the brokers. */
    @GetMapping("/cluster")
    public CompletableFuture<ClusterView> cluster() {
        return admin.describeCluster().thenApply(ClusterView::of);
    }

    /**
     * {@code GET /topics}: one page of the topics ordered by name, those whose name contains {@code name}
     * (ignoring case) when given; internal topics only with {@code includeInternal=true}.
     */
    @GetMapping("/topics")
    public CompletableFuture<TopicPage> topics(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size,
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "false") boolean includeInternal) {
        if (page < 0) {
            throw new InvalidAdminRequestException("page", "must be greater than or equal to 0", page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidAdminRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE, size);
        }
        String filter = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return admin.listTopics(includeInternal).thenApply(topics -> {
            List<TopicListing> matching = topics.stream()
                    .filter(topic -> topic.name().toLowerCase(Locale.ROOT).contains(filter)).toList();
            long from = Math.min((long) page * size, matching.size());
            List<TopicSummary> items = matching.subList((int) from, (int) Math.min(from + size, matching.size()))
                    .stream().map(TopicSummary::of).toList();
            return new TopicPage(items, page, size, matching.size(), (matching.size() + size - 1) / size);
        });
    }

    /**
     * {@code POST /topics}: creates a topic, answering 201 with its {@code Location}; a {@code validateOnly} request
     * creates nothing and is answered 200.
     */
    @PostMapping("/topics")
    public CompletableFuture<ResponseEntity<CreatedTopicView>> createTopic(
            @Valid @RequestBody CreateTopicRequest request) {
        String invalidName = TopicNames.validate(request.name());
        if (invalidName != null) {
            throw new InvalidAdminRequestException("name", invalidName, request.name());
        }
        if (request.configs() != null) {
            request.configs().forEach((key, value) -> {
                if (key.isBlank() || value == null) {
                    throw new InvalidAdminRequestException("configs[" + key + "]",
                            "config names must not be blank and values not null", value);
                }
            });
        }
        NewTopic topic = new NewTopic(request.name(), orDefault(request.partitions()),
                orDefault(request.replicationFactor()), request.configs());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().pathSegment(request.name()).build()
                .toUri();
        boolean validateOnly = request.validateOnly();
        return admin.createTopic(topic, validateOnly).thenApply(created -> {
            CreatedTopicView view = CreatedTopicView.of(created, validateOnly);
            return validateOnly ? ResponseEntity.ok(view) : ResponseEntity.created(location).body(view);
        });
    }

    /** {@code GET /topics/{topic}}: partitions with leader and earliest/latest offsets, and configs. */
    @GetMapping("/topics/{topic}")
    public CompletableFuture<TopicDetails> topic(@PathVariable String topic) {
        return admin.describeTopic(topic).thenApply(TopicDetails::of);
    }

    /** {@code DELETE /topics/{topic}}: deletes the topic and its data; 204. */
    @DeleteMapping("/topics/{topic}")
    public CompletableFuture<ResponseEntity<Void>> deleteTopic(@PathVariable String topic) {
        return admin.deleteTopic(topic).thenApply(deleted -> ResponseEntity.noContent().build());
    }

    /** {@code GET /topics/{topic}/partitions}: the partitions with leader and earliest/latest offsets. */
    @GetMapping("/topics/{topic}/partitions")
    public CompletableFuture<TopicPartitions> partitions(@PathVariable String topic) {
        return admin.describeTopic(topic).thenApply(TopicPartitions::of);
    }

    /** {@code POST /topics/{topic}/partitions}: grows the topic to a larger total partition count. */
    @PostMapping("/topics/{topic}/partitions")
    public CompletableFuture<PartitionsChange> addPartitions(@PathVariable String topic,
            @Valid @RequestBody AddPartitionsRequest request) {
        Integer total = request.partitions();
        if (total == null || total < 1) {
            throw new InvalidAdminRequestException("partitions", "must be a positive total partition count", total);
        }
        return admin.addPartitions(topic, total, request.validateOnly())
                .thenApply(added -> new PartitionsChange(topic, total, request.validateOnly()));
    }

    /** {@code GET /topics/{topic}/configs}: every config of the topic with its value and source. */
    @GetMapping("/topics/{topic}/configs")
    public CompletableFuture<TopicConfigs> configs(@PathVariable String topic) {
        return admin.describeConfigs(topic).thenApply(configs -> new TopicConfigs(topic, ConfigView.of(configs)));
    }

    /**
     * {@code PATCH /topics/{topic}/configs}: a JSON object of config names to new values (a merge patch); a
     * {@code null} value removes the topic's own value so the default applies again. Answers the configs after the
     * change (unchanged with {@code validateOnly=true}).
     */
    @PatchMapping("/topics/{topic}/configs")
    public CompletableFuture<TopicConfigs> alterConfigs(@PathVariable String topic,
            @RequestBody Map<String, String> changes, @RequestParam(defaultValue = "false") boolean validateOnly) {
        if (changes.isEmpty()) {
            throw new InvalidAdminRequestException("configs", "must name at least one config", changes);
        }
        Map<String, ConfigChange> operations = new LinkedHashMap<>();
        changes.forEach((name, value) -> {
            if (name.isBlank()) {
                throw new InvalidAdminRequestException("configs", "config names must not be blank", name);
            }
            operations.put(name, value == null ? ConfigChange.delete() : ConfigChange.set(value));
        });
        return admin.alterConfigs(topic, operations, validateOnly)
                .thenCompose(altered -> configs(topic));
    }

    /**
     * {@code GET /groups}: the groups ordered by id; only those in one of the {@code state}s (repeated or
     * comma-separated, e.g. {@code Stable,Empty}) when given.
     */
    @GetMapping("/groups")
    public CompletableFuture<List<GroupSummary>> groups(@RequestParam(name = "state", required = false)
            List<String> states) {
        Set<GroupState> filter = EnumSet.noneOf(GroupState.class);
        for (String state : states == null ? List.<String>of() : states) {
            GroupState parsed = GroupState.parse(state.strip());
            if (parsed == GroupState.UNKNOWN && !GroupState.UNKNOWN.displayName().equalsIgnoreCase(state.strip())) {
                throw new InvalidAdminRequestException("state", "must be one of " + Arrays.stream(GroupState.values())
                        .map(GroupState::displayName).collect(Collectors.joining(", ")), state);
            }
            filter.add(parsed);
        }
        return admin.listGroups(filter).thenApply(groups -> groups.stream().map(GroupSummary::of).toList());
    }

    /**
     * {@code GET /groups/{group}}: state, members and assignments, with the committed offset, end offset and lag of
     * each partition and the total lag.
     */
    @GetMapping("/groups/{group}")
    public CompletableFuture<GroupDetails> group(@PathVariable String group) {
        return admin.describeGroup(group).thenCombine(admin.listGroupOffsets(group), GroupDetails::of);
    }

    /** {@code DELETE /groups/{group}}: deletes a group without members, with its committed offsets; 204. */
    @DeleteMapping("/groups/{group}")
    public CompletableFuture<ResponseEntity<Void>> deleteGroup(@PathVariable String group) {
        return admin.deleteGroup(group).thenApply(deleted -> ResponseEntity.noContent().build());
    }

    /**
     * {@code POST /groups/{group}/offsets/reset}: moves the group's offsets in every partition of a topic (or, with
     * {@code dryRun}, only computes the moves). Committing needs a group without members.
     */
    @PostMapping("/groups/{group}/offsets/reset")
    public CompletableFuture<OffsetsReset> resetOffsets(@PathVariable String group,
            @Valid @RequestBody ResetOffsetsRequest request) {
        if (request.topic() == null || request.topic().isBlank()) {
            throw new InvalidAdminRequestException("topic", "must not be blank", request.topic());
        }
        return admin.resetGroupOffsets(group, request.topic(), offsetSpec(request), request.dryRun())
                .thenApply(OffsetsReset::of);
    }

    /** {@code DELETE /groups/{group}/offsets?topic=}: deletes the group's committed offsets of a topic. */
    @DeleteMapping("/groups/{group}/offsets")
    public CompletableFuture<OffsetsDeleted> deleteOffsets(@PathVariable String group, @RequestParam String topic) {
        return admin.deleteGroupOffsets(group, topic).thenApply(partitions -> new OffsetsDeleted(group, topic,
                partitions.stream().map(TopicPartition::partition).toList()));
    }

    private static int orDefault(Integer value) {
        return value == null ? -1 : value;
    }

    private static OffsetSpec offsetSpec(ResetOffsetsRequest request) {
        String to = request.to() == null ? "" : request.to().toLowerCase(Locale.ROOT);
        return switch (to) {
            case "earliest" -> OffsetSpec.earliest();
            case "latest" -> OffsetSpec.latest();
            case "timestamp" -> OffsetSpec.timestamp(requireValue(request));
            case "offset" -> OffsetSpec.offset(requireValue(request));
            default -> throw new InvalidAdminRequestException("to",
                    "must be one of earliest, latest, timestamp, offset", request.to());
        };
    }

    private static long requireValue(ResetOffsetsRequest request) {
        Long value = request.value();
        if (value == null || value < 0) {
            throw new InvalidAdminRequestException("value",
                    "must be a timestamp or offset >= 0 when resetting to " + request.to(), value);
        }
        return value;
    }
}

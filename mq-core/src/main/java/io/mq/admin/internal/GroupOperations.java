package io.mq.admin.internal;

import io.mq.admin.GroupDescription;
import io.mq.admin.GroupListing;
import io.mq.admin.GroupNotFoundException;
import io.mq.admin.GroupState;
import io.mq.admin.MemberDescription;
import io.mq.admin.Outcome;
import io.mq.client.FatalMqException;
import io.mq.client.MqException;
import io.mq.client.MqExceptions;
import io.mq.metadata.Node;
import io.mq.metadata.TopicPartition;
import io.mq.protocol.ApiKey;
import io.mq.protocol.ConsumerProtocol;
import io.mq.protocol.ConsumerProtocol.TopicPartitions;
import io.mq.protocol.Errors;
import io.mq.protocol.ProtocolException;
import io.mq.protocol.message.DeleteGroupsRequest;
import io.mq.protocol.message.DeleteGroupsResponse;
import io.mq.protocol.message.DeleteGroupsResponse.DeletableGroupResult;
import io.mq.protocol.message.DescribeGroupsRequest;
import io.mq.protocol.message.DescribeGroupsResponse;
import io.mq.protocol.message.DescribeGroupsResponse.DescribedGroup;
import io.mq.protocol.message.DescribeGroupsResponse.DescribedGroupMember;
import io.mq.protocol.message.FindCoordinatorRequest;
import io.mq.protocol.message.FindCoordinatorResponse;
import io.mq.protocol.message.FindCoordinatorResponse.Coordinator;
import io.mq.protocol.message.ListGroupsRequest;
import io.mq.protocol.message.ListGroupsResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group membership operations (ListGroups, DescribeGroups, DeleteGroups) and the coordinator lookup every group
 * request starts with.
 */
final class GroupOperations {

    private static final Logger log = LoggerFactory.getLogger(GroupOperations.class);
    private static final byte GROUP_KEY = 0;
    private static final Comparator<TopicPartition> BY_TOPIC_AND_PARTITION =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private final AdminChannel channel;

    GroupOperations(AdminChannel channel) {
        this.channel = channel;
    }

    /** Orders partitions by topic, then partition. */
    static Comparator<TopicPartition> partitionOrder() {
        return BY_TOPIC_AND_PARTITION;
    }

    /**
     * The broker coordinating {@code groupId}. A coordinator that is not available yet (or loading) fails with a
     * retriable error, so the operation looks it up again.
     */
    CompletableFuture<Node> coordinator(String groupId) {
        String action = "find the coordinator of group '" + groupId + "'";
        return channel.sendToAny(ApiKey.FIND_COORDINATOR, new FindCoordinatorRequest(groupId, GROUP_KEY,
                List.of(groupId)), FindCoordinatorResponse::read).thenApply(response -> {
                    Coordinator c = response.coordinators().isEmpty()
                            ? new Coordinator(groupId, response.nodeId(), response.host(), response.port(),
                                    response.errorCode(), response.errorMessage())
                            : response.coordinators().stream().filter(k -> k.key().equals(groupId)).findFirst()
                                    .orElse(response.coordinators().get(0));
                    Errors error = Errors.forCode(c.errorCode());
                    if (error != Errors.NONE) {
                        throw AdminErrors.forGroup(error, c.errorMessage(), groupId, action, null,
                                ApiKey.FIND_COORDINATOR);
                    }
                    return new Node(c.nodeId(), c.host(), c.port());
                });
    }

    /**
     * Fails with the error a coordinator answered for {@code groupId} unless it is NONE. NOT_COORDINATOR and
     * COORDINATOR_LOAD_IN_PROGRESS are retriable, so the operation finds the coordinator again.
     */
    static void check(Errors error, String message, String groupId, String action, Node coordinator, ApiKey api) {
        if (error != Errors.NONE) {
            throw AdminErrors.forGroup(error, message, groupId, action, coordinator, api);
        }
    }

    CompletableFuture<List<GroupListing>> listGroups(Set<GroupState> states) {
        List<String> stateNames = states.stream().map(GroupState::displayName).toList();
        return channel.operation("list groups", true, () -> channel.metadata(List.of()).thenCompose(cluster -> {
            List<CompletableFuture<List<GroupListing>>> perBroker = new ArrayList<>();
            for (Node node : cluster.nodes()) {
                perBroker.add(channel.send(node, ApiKey.LIST_GROUPS, new ListGroupsRequest(stateNames, List.of()),
                        ListGroupsResponse::read).thenApply(response -> {
                            check(Errors.forCode(response.errorCode()), null, "*", "list the groups of " + node, node,
                                    ApiKey.LIST_GROUPS);
                            return response.groups().stream().map(g -> new GroupListing(g.groupId(),
                                    g.protocolType(), GroupState.parse(g.groupState()), g.groupType(), node)).toList();
                        }));
            }
            return CompletableFuture.allOf(perBroker.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
                Map<String, GroupListing> merged = new TreeMap<>();
                perBroker.forEach(f -> f.join().stream()
                        .filter(g -> states.isEmpty() || g.state() == GroupState.UNKNOWN || states.contains(g.state()))
                        .forEach(g -> merged.putIfAbsent(g.groupId(), g)));
                return List.copyOf(merged.values());
            });
        }));
    }

    CompletableFuture<Map<String, GroupDescription>> describeGroups(Collection<String> groupIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(groupIds));
        List<CompletableFuture<GroupDescription>> described = new ArrayList<>(ids.size());
        for (String id : ids) {
            described.add(channel.operation("describe group '" + id + "'", true,
                    () -> coordinator(id).thenCompose(node -> describe(node, id))));
        }
        return CompletableFuture.allOf(described.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            Map<String, GroupDescription> byId = new LinkedHashMap<>();
            described.forEach(d -> byId.put(d.join().groupId(), d.join()));
            return Collections.unmodifiableMap(byId);
        });
    }

    CompletableFuture<GroupDescription> describeGroup(String groupId) {
        return describeGroups(List.of(groupId)).thenApply(described -> {
            GroupDescription group = described.get(groupId);
            if (group.state() == GroupState.DEAD) {
                throw new GroupNotFoundException(groupId, "group '" + groupId + "' does not exist (coordinator "
                        + group.coordinator() + " describes it as Dead)", group.coordinator(),
                        ApiKey.DESCRIBE_GROUPS, null);
            }
            return group;
        });
    }

    /** DescribeGroups for one group, asked of its coordinator; a group that does not exist is Dead. */
    CompletableFuture<GroupDescription> describe(Node coordinator, String groupId) {
        String action = "describe group '" + groupId + "'";
        return channel.send(coordinator, ApiKey.DESCRIBE_GROUPS, new DescribeGroupsRequest(List.of(groupId), false),
                DescribeGroupsResponse::read).thenApply(response -> {
                    DescribedGroup group = response.groups().stream().filter(g -> g.groupId().equals(groupId))
                            .findFirst().orElseThrow(() -> new FatalMqException(action
                                    + " failed: the broker's response has no result for it"));
                    Errors error = Errors.forCode(group.errorCode());
                    if (error == Errors.GROUP_ID_NOT_FOUND) {
                        return new GroupDescription(groupId, GroupState.DEAD, "", "", coordinator, List.of());
                    }
                    check(error, null, groupId, action, coordinator, ApiKey.DESCRIBE_GROUPS);
                    boolean consumers = ConsumerProtocol.PROTOCOL_TYPE.equals(group.protocolType());
                    List<MemberDescription> members = group.members().stream()
                            .map(m -> member(groupId, m, consumers)).toList();
                    return new GroupDescription(groupId, GroupState.parse(group.groupState()), group.protocolType(),
                            group.protocolData(), coordinator, members);
                });
    }

    CompletableFuture<List<Outcome<Void>>> deleteGroups(Collection<String> groupIds) {
        List<CompletableFuture<Outcome<Void>>> outcomes = new ArrayList<>();
        for (String id : new LinkedHashSet<>(groupIds)) {
            String action = "delete group '" + id + "'";
            outcomes.add(channel.operation(action, false, () -> coordinator(id).thenCompose(node -> channel.send(node,
                    ApiKey.DELETE_GROUPS, new DeleteGroupsRequest(List.of(id)), DeleteGroupsResponse::read)
                    .thenApply(response -> {
                        DeletableGroupResult result = response.results().stream().filter(r -> r.groupId().equals(id))
                                .findFirst().orElseThrow(() -> new FatalMqException(action
                                        + " failed: the broker's response has no result for it"));
                        check(Errors.forCode(result.errorCode()), null, id, action, node, ApiKey.DELETE_GROUPS);
                        return Outcome.<Void>success(id, null);
                    }))).exceptionally(failure -> Outcome.failure(id, asMqException(failure, action))));
        }
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> outcomes.stream().map(CompletableFuture::join).toList());
    }

    private static MemberDescription member(String groupId, DescribedGroupMember m, boolean consumers) {
        List<String> topics = List.of();
        List<TopicPartition> assignment = List.of();
        if (consumers) {
            topics = decode(groupId, m, "subscription", m.memberMetadata(), bytes -> bytes.length == 0 ? List.of()
                    : ConsumerProtocol.readSubscription(bytes).topics());
            assignment = decode(groupId, m, "assignment", m.memberAssignment(), bytes -> {
                List<TopicPartition> partitions = new ArrayList<>();
                for (TopicPartitions tps : ConsumerProtocol.readAssignment(bytes).partitions()) {
                    tps.partitions().forEach(p -> partitions.add(new TopicPartition(tps.topic(), p)));
                }
                partitions.sort(BY_TOPIC_AND_PARTITION);
                return partitions;
            });
        }
        return new MemberDescription(m.memberId(), m.groupInstanceId(), m.clientId(), m.clientHost(), topics,
                assignment);
    }

    private static <T> List<T> decode(String groupId, DescribedGroupMember m, String what, byte[] bytes,
            Function<byte[], List<T>> reader) {
        if (bytes == null) {
            return List.of();
        }
        try {
            return reader.apply(bytes);
        } catch (ProtocolException e) {
            log.debug("Cannot read the {} of member {} of group {}: {}", what, m.memberId(), groupId, e.getMessage());
            return List.of();
        }
    }

    /** {@code failure} as the {@link MqException} an outcome carries. */
    static MqException asMqException(Throwable failure, String action) {
        Throwable cause = MqExceptions.unwrap(failure);
        return cause instanceof MqException e ? e : new FatalMqException(action + " failed: " + cause, cause, null,
                null, null);
    }
}

package io.mq.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.admin.CreatedTopic;
import io.mq.admin.GroupState;
import io.mq.admin.MqAdmin;
import io.mq.admin.NewTopic;
import io.mq.admin.Outcome;
import io.mq.client.ClientResources;
import io.mq.client.MqExceptions;
import io.mq.client.MqTimeoutException;
import io.mq.client.RetriableMqException;
import io.mq.client.internal.ScriptedBroker;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.RequestHeader;
import io.mq.protocol.codec.Frames;
import io.mq.protocol.message.ApiMessage;
import io.mq.protocol.message.CreateTopicsResponse;
import io.mq.protocol.message.CreateTopicsResponse.CreatableTopicResult;
import io.mq.protocol.message.DescribeGroupsResponse;
import io.mq.protocol.message.DescribeGroupsResponse.DescribedGroup;
import io.mq.protocol.message.FindCoordinatorResponse;
import io.mq.protocol.message.FindCoordinatorResponse.Coordinator;
import io.mq.protocol.message.MetadataResponse;
import io.mq.protocol.message.MetadataResponse.MetadataResponseBroker;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin client's retry rules against a scripted broker answering NOT_COORDINATOR, COORDINATOR_LOAD_IN_PROGRESS
 * and NOT_CONTROLLER, or nothing at all: errors a real single broker cannot be made to show on demand.
 */
class AdminRetriesIT {

    private static final String GROUP = "retried-group";

    private ClientResources resources;
    private ScriptedBroker broker;
    private MqAdmin admin;

    @BeforeEach
    void startResources() {
        resources = ClientResources.builder().ioThreads(1).build();
    }

    @AfterEach
    void stop() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
        resources.close();
    }

    @Test
    void groupRequestsFindTheCoordinatorAgainAfterNotCoordinatorOrLoading() throws Exception {
        AtomicInteger describes = new AtomicInteger();
        start(api -> api == ApiKey.DESCRIBE_GROUPS ? describeGroups(switch (describes.incrementAndGet()) {
            case 1 -> Errors.NOT_COORDINATOR;
            case 2 -> Errors.COORDINATOR_LOAD_IN_PROGRESS;
            default -> Errors.NONE;
        }) : null, 10, Duration.ofSeconds(5));

        assertThat(admin.describeGroup(GROUP).get(10, TimeUnit.SECONDS).state()).isEqualTo(GroupState.STABLE);

        assertThat(count(ApiKey.DESCRIBE_GROUPS)).isEqualTo(3);
        assertThat(count(ApiKey.FIND_COORDINATOR)).isEqualTo(3);
    }

    @Test
    void coordinatorRetriesStopAfterMaxAttempts() throws Exception {
        start(api -> api == ApiKey.DESCRIBE_GROUPS ? describeGroups(Errors.NOT_COORDINATOR) : null, 3,
                Duration.ofSeconds(5));

        Throwable failure = failure(admin.describeGroup(GROUP));

        assertThat(failure).isInstanceOf(RetriableMqException.class).hasMessageContaining("'" + GROUP + "'");
        assertThat(((RetriableMqException) failure).error()).contains(Errors.NOT_COORDINATOR);
        assertThat(count(ApiKey.DESCRIBE_GROUPS)).isEqualTo(3);
    }

    @Test
    void notControllerIsRetriedWithTheControllerLookedUpAgain() throws Exception {
        AtomicInteger creates = new AtomicInteger();
        start(api -> api == ApiKey.CREATE_TOPICS
                ? createTopics(creates.incrementAndGet() == 1 ? Errors.NOT_CONTROLLER : Errors.NONE) : null, 10,
                Duration.ofSeconds(5));

        List<Outcome<CreatedTopic>> outcomes = admin.createTopics(List.of(NewTopic.of("created", 1)), false)
                .get(10, TimeUnit.SECONDS);

        assertThat(outcomes.get(0).isSuccess()).isTrue();
        assertThat(count(ApiKey.CREATE_TOPICS)).isEqualTo(2);
        assertThat(count(ApiKey.METADATA)).isEqualTo(2);
    }

    @Test
    void changesAreNotRetriedWhenItIsUnknownWhetherTheBrokerAppliedThem() throws Exception {
        start(api -> null, 10, Duration.ofMillis(300));

        Throwable failure = failure(admin.createTopics(List.of(NewTopic.of("unanswered", 1)), false));

        assertThat(failure).isInstanceOf(MqTimeoutException.class);
        assertThat(count(ApiKey.CREATE_TOPICS)).isEqualTo(1);
    }

    /**
     * Starts the scripted broker: ApiVersions, Metadata and FindCoordinator point at itself; other requests are
     * answered by {@code answers} (null: left unanswered).
     */
    private void start(Function<ApiKey, ApiMessage> answers, int maxAttempts,
            Duration requestTimeout) throws InterruptedException {
        AtomicInteger port = new AtomicInteger();
        broker = new ScriptedBroker((header, index, alloc) -> answer(header, alloc, port.get(), answers));
        port.set(broker.node().port());
        admin = MqAdmin.builder().bootstrapServers("127.0.0.1:" + port.get()).resources(resources)
                .requestTimeout(requestTimeout).retryBackoff(Duration.ofMillis(5), Duration.ofMillis(10))
                .maxAttempts(maxAttempts).build();
    }

    private static ByteBuf answer(RequestHeader header, ByteBufAllocator alloc, int port,
            Function<ApiKey, ApiMessage> answers) {
        ApiMessage body = switch (header.apiKey()) {
            case API_VERSIONS -> null;
            case METADATA -> new MetadataResponse(0, List.of(new MetadataResponseBroker(7, "127.0.0.1", port, null)),
                    "scripted", 7, List.of(), MetadataResponse.AUTHORIZED_OPERATIONS_OMITTED);
            case FIND_COORDINATOR -> new FindCoordinatorResponse(0, Errors.NONE.code(), null, 7, "127.0.0.1", port,
                    List.of(new Coordinator(GROUP, 7, "127.0.0.1", port, Errors.NONE.code(), null)));
            default -> answers.apply(header.apiKey());
        };
        if (header.apiKey() == ApiKey.API_VERSIONS) {
            return ScriptedBroker.apiVersions(header, alloc);
        }
        return body == null ? null
                : Frames.encodeResponse(alloc, header.correlationId(), header.apiVersion(), body);
    }

    private static DescribeGroupsResponse describeGroups(Errors error) {
        return new DescribeGroupsResponse(0, List.of(new DescribedGroup(error.code(), GROUP,
                error == Errors.NONE ? "Stable" : "", "consumer", "range", List.of(),
                DescribeGroupsResponse.AUTHORIZED_OPERATIONS_OMITTED)));
    }

    private static CreateTopicsResponse createTopics(Errors error) {
        return new CreateTopicsResponse(0, List.of(new CreatableTopicResult("created", UUID.randomUUID(), error.code(),
                null, (short) 0, 1, (short) 1, List.of())));
    }

    private long count(ApiKey api) {
        return broker.requests().stream().filter(h -> h.apiKey() == api).count();
    }

    private static Throwable failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return MqExceptions.unwrap(e.getCause());
        }
        throw new AssertionError("expected a failure");
    }
}

package io.mq.spring.web;

import static io.mq.spring.web.AdminCalls.expectProblem;
import static io.mq.spring.web.AdminCalls.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mq.broker.EmbeddedBroker;
import io.mq.broker.it.KafkaClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every endpoint of the admin API, and each of its error statuses, against the real embedded broker, through the
 * whole Spring MVC and Spring Security stack. Requests run as a user with the role {@code MQ_ADMIN} unless a test
 * says otherwise.
 */
@SpringBootTest(classes = AdminWebTestApplication.class, properties = {"mq.admin.web.enabled=true",
        "mq.embedded.port=0", "mq.embedded.auto-create-topics=false"})
@AutoConfigureMockMvc
@WithMockUser(roles = "MQ_ADMIN")
@DirtiesContext
class MqAdminWebIT {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private EmbeddedBroker broker;

    private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
        return AdminCalls.call(mvc, request);
    }

    private void createTopic(String name, int partitions) throws Exception {
        call(json(post("/admin/topics"), "{\"name\":\"" + name + "\",\"partitions\":" + partitions + "}"))
                .andExpect(status().isCreated());
    }

    // ---- cluster ----

    @Test
    void clusterDescribesTheEmbeddedBroker() throws Exception {
        call(get("/admin/cluster")).andExpect(status().isOk())
                .andExpect(jsonPath("$.clusterId").value("mq-embedded"))
                .andExpect(jsonPath("$.controller.id").value(0))
                .andExpect(jsonPath("$.brokers.length()").value(1))
                .andExpect(jsonPath("$.brokers[0].host").value("127.0.0.1"))
                .andExpect(jsonPath("$.brokers[0].port").value(broker.port()));
    }

    // ---- topics ----

    @Test
    void createdTopicIsAnswered201WithItsLocationAndCanBeDescribed() throws Exception {
        String location = call(json(post("/admin/topics"),
                "{\"name\":\"orders\",\"partitions\":3,\"configs\":{\"retention.ms\":\"86400000\"}}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/admin/topics/orders")))
                .andExpect(jsonPath("$.name").value("orders"))
                .andExpect(jsonPath("$.partitions").value(3))
                .andExpect(jsonPath("$.validateOnly").value(false))
                .andReturn().getResponse().getHeader("Location");

        call(get(location)).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("orders"))
                .andExpect(jsonPath("$.internal").value(false))
                .andExpect(jsonPath("$.partitionCount").value(3))
                .andExpect(jsonPath("$.partitions[0].leader.id").value(0))
                .andExpect(jsonPath("$.partitions[2].partition").value(2))
                .andExpect(jsonPath("$.partitions[2].earliestOffset").value(0))
                .andExpect(jsonPath("$.partitions[2].latestOffset").value(0))
                .andExpect(jsonPath("$.configs['retention.ms'].value").value("86400000"))
                .andExpect(jsonPath("$.configs['retention.ms'].source").value("DYNAMIC_TOPIC"));
    }

    @Test
    void describedTopicShowsTheOffsetsOfItsRecords() throws Exception {
        createTopic("payments", 1);
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(broker.bootstrapServers(), Map.of())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>("payments", ("p" + i).getBytes())).get();
            }
        }

        call(get("/admin/topics/payments")).andExpect(status().isOk())
                .andExpect(jsonPath("$.recordCount").value(5))
                .andExpect(jsonPath("$.partitions[0].earliestOffset").value(0))
                .andExpect(jsonPath("$.partitions[0].latestOffset").value(5));
    }

    @Test
    void validateOnlyCreateIsAnswered200AndCreatesNothing() throws Exception {
        call(json(post("/admin/topics"), "{\"name\":\"dry-topic\",\"partitions\":2,\"validateOnly\":true}"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(jsonPath("$.validateOnly").value(true));

        expectProblem(call(get("/admin/topics/dry-topic")), 404, "Topic not found");
    }

    @Test
    void creatingAnExistingTopicIs409() throws Exception {
        createTopic("twice", 1);

        expectProblem(call(json(post("/admin/topics"), "{\"name\":\"twice\",\"partitions\":1}")), 409,
                "Topic exists")
                .andExpect(jsonPath("$.topic").value("twice"))
                .andExpect(jsonPath("$.errorCode").value("TOPIC_ALREADY_EXISTS"))
                .andExpect(jsonPath("$.instance").value("/admin/topics"));
    }

    @Test
    void invalidTopicFieldsAre400WithOneErrorPerField() throws Exception {
        expectProblem(call(json(post("/admin/topics"),
                "{\"name\":\"bad name!\",\"partitions\":-1,\"replicationFactor\":0}")), 400, "Invalid request")
                .andExpect(jsonPath("$.errors[*].field")
                        .value(containsInAnyOrder("name", "partitions", "replicationFactor")))
                .andExpect(jsonPath("$.errors[?(@.field == 'partitions')].rejectedValue").value(-1));
    }

    @Test
    void missingTopicNameIs400() throws Exception {
        expectProblem(call(json(post("/admin/topics"), "{\"partitions\":1}")), 400, "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void malformedJsonIs400() throws Exception {
        expectProblem(call(json(post("/admin/topics"), "{\"name\": ")), 400, "Invalid request")
                .andExpect(jsonPath("$.detail").value(startsWith("Malformed JSON")));
    }

    @Test
    void aValueOfTheWrongTypeIs400NamingTheField() throws Exception {
        expectProblem(call(json(post("/admin/topics"), "{\"name\":\"typed\",\"partitions\":\"three\"}")), 400,
                "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("partitions"))
                .andExpect(jsonPath("$.errors[0].message").value("must be of type integer"))
                .andExpect(jsonPath("$.errors[0].rejectedValue").value("three"));
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws Exception {
        expectProblem(call(post("/admin/topics").contentType(MediaType.TEXT_PLAIN).content("name=x")), 415,
                "Unsupported Media Type");
    }

    @Test
    void topicsAreListedByPageFilteredByNameWithoutInternalTopics() throws Exception {
        createTopic("list-a", 1);
        createTopic("list-b", 2);
        createTopic("LIST-c", 1);

        call(get("/admin/topics").param("name", "list-").param("size", "2")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name").value(contains("LIST-c", "list-a")))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.totalPages").value(2));
        call(get("/admin/topics").param("name", "list-").param("size", "2").param("page", "1"))
                .andExpect(jsonPath("$.items[*].name").value(contains("list-b")))
                .andExpect(jsonPath("$.items[0].partitions").value(2));
        call(get("/admin/topics").param("name", "list-").param("page", "5"))
                .andExpect(jsonPath("$.items").isEmpty())
                .andExpect(jsonPath("$.totalItems").value(3));
    }

    @Test
    void internalTopicsAreListedOnlyWhenAsked() throws Exception {
        call(get("/admin/topics").param("size", "500")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].internal").value(everyItem(is(false))));
        call(get("/admin/topics").param("includeInternal", "true").param("name", "__consumer_offsets"))
                .andExpect(jsonPath("$.items[0].name").value("__consumer_offsets"))
                .andExpect(jsonPath("$.items[0].internal").value(true));
    }

    @Test
    void invalidPagingIs400() throws Exception {
        expectProblem(call(get("/admin/topics").param("page", "-1")), 400, "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        expectProblem(call(get("/admin/topics").param("size", "501")), 400, "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        expectProblem(call(get("/admin/topics").param("page", "first")), 400, "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].message").value("must be of type integer"));
    }

    @Test
    void deletedTopicIsAnswered204AndThenIsGone() throws Exception {
        createTopic("short-lived", 1);

        call(delete("/admin/topics/short-lived")).andExpect(status().isNoContent());

        expectProblem(call(get("/admin/topics/short-lived")), 404, "Topic not found")
                .andExpect(jsonPath("$.topic").value("short-lived"));
        expectProblem(call(delete("/admin/topics/short-lived")), 404, "Topic not found");
    }

    @Test
    void aPathWithoutEndpointIs404AndAnUnsupportedMethodIs405AsProblems() throws Exception {
        expectProblem(call(get("/admin/nope")), 404, "Not found")
                .andExpect(jsonPath("$.detail").value("No admin endpoint at GET /admin/nope"))
                .andExpect(jsonPath("$.instance").value("/admin/nope"));
        expectProblem(call(delete("/admin/topics")), 405, "Method not allowed")
                .andExpect(header().string("Allow", containsString("GET")));
    }

    @Test
    void pathsOutsideTheAdminApiKeepTheApplicationsOwnErrorHandling() throws Exception {
        mvc.perform(get("/not-admin/nope")).andExpect(status().isNotFound())
                .andExpect(content().string(""));
    }

    @Test
    void unknownTopicIs404OnEveryTopicEndpoint() throws Exception {
        expectProblem(call(get("/admin/topics/nope")), 404, "Topic not found");
        expectProblem(call(get("/admin/topics/nope/partitions")), 404, "Topic not found");
        expectProblem(call(json(post("/admin/topics/nope/partitions"), "{\"partitions\":3}")), 404,
                "Topic not found");
        expectProblem(call(get("/admin/topics/nope/configs")), 404, "Topic not found");
        expectProblem(call(json(patch("/admin/topics/nope/configs"), "{\"retention.ms\":\"1000\"}")), 404,
                "Topic not found");
    }

    // ---- partitions ----

    @Test
    void partitionsAreListedAndIncreasedToATotal() throws Exception {
        createTopic("growing", 2);
        call(get("/admin/topics/growing/partitions")).andExpect(status().isOk())
                .andExpect(jsonPath("$.topic").value("growing"))
                .andExpect(jsonPath("$.partitions.length()").value(2))
                .andExpect(jsonPath("$.partitions[1].leader.id").value(0));

        call(json(post("/admin/topics/growing/partitions"), "{\"partitions\":5,\"validateOnly\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.validateOnly").value(true));
        call(get("/admin/topics/growing/partitions")).andExpect(jsonPath("$.partitions.length()").value(2));

        call(json(post("/admin/topics/growing/partitions"), "{\"partitions\":5}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.topic").value("growing"))
                .andExpect(jsonPath("$.partitions").value(5));
        call(get("/admin/topics/growing/partitions")).andExpect(jsonPath("$.partitions.length()").value(5));
    }

    @Test
    void shrinkingOrNegativePartitionsAre400() throws Exception {
        createTopic("fixed", 3);

        expectProblem(call(json(post("/admin/topics/fixed/partitions"), "{\"partitions\":2}")), 400,
                "Invalid request")
                .andExpect(jsonPath("$.errorCode").value("INVALID_PARTITIONS"));
        expectProblem(call(json(post("/admin/topics/fixed/partitions"), "{\"partitions\":-2}")), 400,
                "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("partitions"));
        expectProblem(call(json(post("/admin/topics/fixed/partitions"), "{}")), 400, "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("partitions"));
    }

    // ---- configs ----

    @Test
    void configsAreReadSetAndReset() throws Exception {
        createTopic("tuned", 1);
        call(get("/admin/topics/tuned/configs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.topic").value("tuned"))
                .andExpect(jsonPath("$.configs['retention.ms'].source").value("DEFAULT"));

        call(patch("/admin/topics/tuned/configs").contentType("application/merge-patch+json")
                .content("{\"retention.ms\":\"60000\",\"max.message.bytes\":2048}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.configs['retention.ms'].value").value("60000"))
                .andExpect(jsonPath("$.configs['retention.ms'].source").value("DYNAMIC_TOPIC"))
                .andExpect(jsonPath("$.configs['max.message.bytes'].value").value("2048"));

        call(json(patch("/admin/topics/tuned/configs"), "{\"retention.ms\":null}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.configs['retention.ms'].source").value("DEFAULT"))
                .andExpect(jsonPath("$.configs['max.message.bytes'].value").value("2048"));
    }

    @Test
    void validateOnlyConfigChangeLeavesTheConfigs() throws Exception {
        createTopic("checked", 1);

        call(json(patch("/admin/topics/checked/configs").param("validateOnly", "true"),
                "{\"retention.ms\":\"60000\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.configs['retention.ms'].source").value("DEFAULT"));
    }

    @Test
    void invalidConfigChangesAre400() throws Exception {
        createTopic("strict", 1);

        expectProblem(call(json(patch("/admin/topics/strict/configs"), "{\"no.such.config\":\"1\"}")), 400,
                "Invalid request")
                .andExpect(jsonPath("$.errorCode").value("INVALID_CONFIG"));
        expectProblem(call(json(patch("/admin/topics/strict/configs"), "{}")), 400, "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("configs"));
        expectProblem(call(json(patch("/admin/topics/strict/configs"), "{\"retention.ms\":{\"a\":1}}")), 400,
                "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("retention.ms"));
    }

    // ---- groups ----

    @Test
    void activeGroupIsDescribedWithLagAndRefusesChangesWith409() throws Exception {
        createTopic("billing-events", 2);
        produce("billing-events", 6);
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.groupConsumer(broker.bootstrapServers(),
                "billing", Map.of())) {
            consumer.subscribe(List.of("billing-events"));
            int read = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((read < 6 || consumer.assignment().size() < 2) && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(100)).count();
            }
            assertThat(read).isEqualTo(6);
            consumer.commitSync(Map.of(new TopicPartition("billing-events", 0),
                    new OffsetAndMetadata(1)));

            call(get("/admin/groups").param("state", "Stable")).andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].groupId").value(hasItem("billing")));
            call(get("/admin/groups").param("state", "Empty"))
                    .andExpect(jsonPath("$[*].groupId").value(not(hasItem("billing"))));
            call(get("/admin/groups/billing")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.groupId").value("billing"))
                    .andExpect(jsonPath("$.state").value("Stable"))
                    .andExpect(jsonPath("$.protocolType").value("consumer"))
                    .andExpect(jsonPath("$.members.length()").value(1))
                    .andExpect(jsonPath("$.members[0].subscribedTopics[0]").value("billing-events"))
                    .andExpect(jsonPath("$.members[0].assignment.length()").value(2))
                    .andExpect(jsonPath("$.offsets.length()").value(1))
                    .andExpect(jsonPath("$.offsets[0].topic").value("billing-events"))
                    .andExpect(jsonPath("$.offsets[0].partition").value(0))
                    .andExpect(jsonPath("$.offsets[0].memberId").isNotEmpty())
                    .andExpect(jsonPath("$.offsets[0].committedOffset").value(1))
                    .andExpect(jsonPath("$.offsets[0].lag", greaterThan(0)))
                    .andExpect(jsonPath("$.totalLag", greaterThan(0)));

            expectProblem(call(delete("/admin/groups/billing")), 409, "Group not empty")
                    .andExpect(jsonPath("$.group").value("billing"));
            expectProblem(call(json(post("/admin/groups/billing/offsets/reset"),
                    "{\"topic\":\"billing-events\",\"to\":\"earliest\"}")), 409, "Group not empty");
            expectProblem(call(delete("/admin/groups/billing/offsets").param("topic", "billing-events")), 409,
                    "Group not empty");
            call(json(post("/admin/groups/billing/offsets/reset"),
                    "{\"topic\":\"billing-events\",\"to\":\"latest\",\"dryRun\":true}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.dryRun").value(true))
                    .andExpect(jsonPath("$.partitions.length()").value(2));
        }
    }

    @Test
    void emptyGroupOffsetsAreResetDeletedAndTheGroupDeleted() throws Exception {
        createTopic("audit", 2);
        produce("audit", 4);

        call(json(post("/admin/groups/auditors/offsets/reset"), "{\"topic\":\"audit\",\"to\":\"latest\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groupId").value("auditors"))
                .andExpect(jsonPath("$.dryRun").value(false))
                .andExpect(jsonPath("$.partitions.length()").value(2))
                .andExpect(jsonPath("$.partitions[0].previousOffset").value(-1));
        call(json(post("/admin/groups/auditors/offsets/reset"),
                "{\"topic\":\"audit\",\"to\":\"offset\",\"value\":0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partitions[*].newOffset").value(everyItem(is(0))));
        call(json(post("/admin/groups/auditors/offsets/reset"),
                "{\"topic\":\"audit\",\"to\":\"TIMESTAMP\",\"value\":0,\"dryRun\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true));
        call(get("/admin/groups/auditors")).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("Empty"))
                .andExpect(jsonPath("$.members").isEmpty())
                .andExpect(jsonPath("$.offsets.length()").value(2))
                .andExpect(jsonPath("$.totalLag").value(4));
        call(get("/admin/groups").param("state", "empty"))
                .andExpect(jsonPath("$[*].groupId").value(hasItem("auditors")));

        call(delete("/admin/groups/auditors/offsets").param("topic", "audit")).andExpect(status().isOk())
                .andExpect(jsonPath("$.groupId").value("auditors"))
                .andExpect(jsonPath("$.partitions").value(containsInAnyOrder(0, 1)));
        call(get("/admin/groups/auditors")).andExpect(jsonPath("$.offsets").isEmpty());

        call(delete("/admin/groups/auditors")).andExpect(status().isNoContent());
        expectProblem(call(get("/admin/groups/auditors")), 404, "Group not found")
                .andExpect(jsonPath("$.group").value("auditors"));
        expectProblem(call(delete("/admin/groups/auditors")), 404, "Group not found");
    }

    @Test
    void unknownGroupIs404() throws Exception {
        expectProblem(call(get("/admin/groups/ghosts")), 404, "Group not found");
        expectProblem(call(delete("/admin/groups/ghosts")), 404, "Group not found");
    }

    @Test
    void invalidOffsetResetsAre400() throws Exception {
        String path = "/admin/groups/resetters/offsets/reset";
        expectProblem(call(json(post(path), "{\"topic\":\"t\",\"to\":\"yesterday\"}")), 400, "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        expectProblem(call(json(post(path), "{\"topic\":\"t\",\"to\":\"offset\"}")), 400, "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("value"));
        expectProblem(call(json(post(path), "{\"topic\":\"t\",\"to\":\"offset\",\"value\":-5}")), 400,
                "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("value"));
        expectProblem(call(json(post(path), "{\"to\":\"earliest\"}")), 400, "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("topic"));
        expectProblem(call(json(post(path), "{\"topic\":\"t\",\"to\":\"earliest\",\"dryRun\":\"maybe\"}")), 400,
                "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("dryRun"));
    }

    @Test
    void resettingOffsetsOfAnUnknownTopicIs404() throws Exception {
        expectProblem(call(json(post("/admin/groups/lost/offsets/reset"),
                "{\"topic\":\"missing-topic\",\"to\":\"earliest\"}")), 404, "Topic not found");
    }

    @Test
    void invalidGroupQueriesAre400() throws Exception {
        expectProblem(call(get("/admin/groups").param("state", "Sleepy")), 400, "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("state"))
                .andExpect(jsonPath("$.errors[0].rejectedValue").value("Sleepy"));
        expectProblem(call(delete("/admin/groups/g/offsets")), 400, "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("topic"));
    }

    // ---- security ----

    @Test
    void anonymousCallsAre401() throws Exception {
        mvc.perform(get("/admin/topics").with(anonymous())).andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"));
    }

    @Test
    void callsWithoutTheAdminRoleAre403() throws Exception {
        mvc.perform(get("/admin/cluster").with(user("viewer").roles("VIEWER"))).andExpect(status().isForbidden());
        mvc.perform(delete("/admin/topics/orders").with(user("viewer").roles("VIEWER")))
                .andExpect(status().isForbidden());
    }

    private void produce(String topic, int count) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(broker.bootstrapServers(), Map.of())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, null, ("r" + i).getBytes())).get();
            }
        }
    }
}

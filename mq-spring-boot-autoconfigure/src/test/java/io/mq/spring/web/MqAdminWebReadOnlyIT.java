package io.mq.spring.web;

import static io.mq.spring.web.AdminCalls.expectProblem;
import static io.mq.spring.web.AdminCalls.json;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mq.admin.MqAdmin;
import io.mq.admin.NewTopic;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * {@code mq.admin.web.read-only=true} under a custom base path: reads work, every mutating call is answered 403
 * before its body is read, and nothing changes.
 */
@SpringBootTest(classes = AdminWebTestApplication.class, properties = {"mq.admin.web.enabled=true",
        "mq.admin.web.read-only=true", "mq.admin.web.base-path=/ops/mq", "mq.embedded.port=0",
        "mq.embedded.auto-create-topics=false"})
@AutoConfigureMockMvc
@WithMockUser(roles = "MQ_ADMIN")
@DirtiesContext
class MqAdminWebReadOnlyIT {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private MqAdmin admin;

    @BeforeEach
    void createTopic() {
        admin.createTopics(List.of(NewTopic.of("kept", 1)), false).join();
    }

    static Stream<MockHttpServletRequestBuilder> mutatingCalls() {
        return Stream.of(
                json(post("/ops/mq/topics"), "{\"name\":\"new-topic\",\"partitions\":1}"),
                json(post("/ops/mq/topics"), "{\"name\":\"invalid name\",\"partitions\":-1}"),
                delete("/ops/mq/topics/kept"),
                json(post("/ops/mq/topics/kept/partitions"), "{\"partitions\":4}"),
                json(patch("/ops/mq/topics/kept/configs"), "{\"retention.ms\":\"1000\"}"),
                delete("/ops/mq/groups/g"),
                json(post("/ops/mq/groups/g/offsets/reset"), "{\"topic\":\"kept\",\"to\":\"earliest\"}"),
                delete("/ops/mq/groups/g/offsets").param("topic", "kept"));
    }

    @ParameterizedTest
    @MethodSource("mutatingCalls")
    void mutatingCallsAre403(MockHttpServletRequestBuilder request) throws Exception {
        expectProblem(AdminCalls.call(mvc, request), 403, "Read-only");
    }

    @Test
    void readsWorkUnderTheBasePathAndNothingChanged() throws Exception {
        for (MockHttpServletRequestBuilder request : mutatingCalls().toList()) {
            AdminCalls.call(mvc, request);
        }

        AdminCalls.call(mvc, get("/ops/mq/topics")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name").value(contains("kept")));
        AdminCalls.call(mvc, get("/ops/mq/topics/kept/partitions"))
                .andExpect(jsonPath("$.partitions.length()").value(1));
        AdminCalls.call(mvc, get("/ops/mq/topics/kept/configs"))
                .andExpect(jsonPath("$.configs['retention.ms'].source").value("DEFAULT"));
        AdminCalls.call(mvc, get("/ops/mq/groups")).andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void theDefaultBasePathIsNotMapped() throws Exception {
        mvc.perform(get("/admin/topics")).andExpect(status().isNotFound());
    }
}

package io.mq.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.mq.admin.MqAdmin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The controller's own input checks, which hold when the application has no Bean Validation provider: invalid input
 * is refused with {@link InvalidAdminRequestException} (answered 400) before the admin client is called.
 */
class MqAdminControllerTest {

    private final MqAdmin admin = mock(MqAdmin.class);
    private final MqAdminController controller = new MqAdminController(admin);

    @Test
    void topicWithoutANameIsRefused() {
        assertInvalid(() -> controller.createTopic(new CreateTopicRequest(null, 1, null, null, false)), "name");
        assertInvalid(() -> controller.createTopic(new CreateTopicRequest("a/b", 1, null, null, false)), "name");
    }

    @Test
    void topicConfigWithoutAValueIsRefused() {
        Map<String, String> configs = new HashMap<>();
        configs.put("retention.ms", null);

        assertInvalid(() -> controller.createTopic(new CreateTopicRequest("t", 1, null, configs, false)),
                "configs[retention.ms]");
    }

    @Test
    void pagesOutOfRangeAreRefused() {
        assertInvalid(() -> controller.topics(-1, 10, null, false), "page");
        assertInvalid(() -> controller.topics(0, 0, null, false), "size");
        assertInvalid(() -> controller.topics(0, MqAdminController.MAX_PAGE_SIZE + 1, null, false), "size");
    }

    @Test
    void partitionTotalMustBePositive() {
        assertInvalid(() -> controller.addPartitions("t", new AddPartitionsRequest(null, false)), "partitions");
        assertInvalid(() -> controller.addPartitions("t", new AddPartitionsRequest(0, false)), "partitions");
    }

    @Test
    void configPatchMustNameConfigs() {
        assertInvalid(() -> controller.alterConfigs("t", Map.of(), false), "configs");
        assertInvalid(() -> controller.alterConfigs("t", Map.of(" ", "1"), false), "configs");
    }

    @Test
    void unknownGroupStateIsRefused() {
        assertInvalid(() -> controller.groups(List.of("Stable", "Sleepy")), "state");
    }

    @Test
    void offsetResetNeedsATopicAKnownTargetAndItsValue() {
        assertInvalid(() -> controller.resetOffsets("g", new ResetOffsetsRequest(null, "earliest", null, false)),
                "topic");
        assertInvalid(() -> controller.resetOffsets("g", new ResetOffsetsRequest("t", "soon", null, false)), "to");
        assertInvalid(() -> controller.resetOffsets("g", new ResetOffsetsRequest("t", null, null, false)), "to");
        assertInvalid(() -> controller.resetOffsets("g", new ResetOffsetsRequest("t", "timestamp", null, false)),
                "value");
        assertInvalid(() -> controller.resetOffsets("g", new ResetOffsetsRequest("t", "offset", -1L, false)),
                "value");
    }

    private void assertInvalid(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidAdminRequestException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .containsExactly(field));
        verifyNoInteractions(admin);
    }
}

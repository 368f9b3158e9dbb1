package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import io.mq.protocol.message.IncrementalAlterConfigsRequest.AlterConfigsResource;
import io.mq.protocol.message.IncrementalAlterConfigsRequest.AlterableConfig;
import io.mq.protocol.message.IncrementalAlterConfigsResponse.AlterConfigsResourceResponse;
import java.util.List;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData.AlterableConfigCollection;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData.AlterConfigsResourceCollection;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IncrementalAlterConfigsMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.INCREMENTAL_ALTER_CONFIGS);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        IncrementalAlterConfigsRequest ours = roundTrip(kafkaRequest(), version, IncrementalAlterConfigsRequest::read);

        assertThat(ours.validateOnly()).isTrue();
        assertThat(ours.resources()).containsExactly(
                new AlterConfigsResource((byte) 2, "orders", List.of(
                        new AlterableConfig("retention.ms", IncrementalAlterConfigsRequest.OP_SET, "60000"),
                        new AlterableConfig("segment.bytes", IncrementalAlterConfigsRequest.OP_DELETE, null),
                        new AlterableConfig("cleanup.policy", IncrementalAlterConfigsRequest.OP_APPEND, "compact"))),
                new AlterConfigsResource((byte) 4, "1", List.of(
                        new AlterableConfig("log.cleaner.threads", IncrementalAlterConfigsRequest.OP_SUBTRACT, "2"))));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        IncrementalAlterConfigsResponse ours = roundTrip(kafkaResponse(), version,
                IncrementalAlterConfigsResponse::read);

        assertThat(ours.throttleTimeMs()).isEqualTo(3);
        assertThat(ours.responses()).containsExactly(
                new AlterConfigsResourceResponse((short) 0, null, (byte) 2, "orders"),
                new AlterConfigsResourceResponse((short) 40, "bad value", (byte) 2, "payments"));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaRequest(), version, IncrementalAlterConfigsRequest::read);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaResponse(), version, IncrementalAlterConfigsResponse::read);
    }

    private static IncrementalAlterConfigsRequestData kafkaRequest() {
        var topicConfigs = new AlterableConfigCollection();
        topicConfigs.add(new IncrementalAlterConfigsRequestData.AlterableConfig().setName("retention.ms")
                .setConfigOperation((byte) 0).setValue("60000"));
        topicConfigs.add(new IncrementalAlterConfigsRequestData.AlterableConfig().setName("segment.bytes")
                .setConfigOperation((byte) 1).setValue(null));
        topicConfigs.add(new IncrementalAlterConfigsRequestData.AlterableConfig().setName("cleanup.policy")
                .setConfigOperation((byte) 2).setValue("compact"));
        var brokerConfigs = new AlterableConfigCollection();
        brokerConfigs.add(new IncrementalAlterConfigsRequestData.AlterableConfig().setName("log.cleaner.threads")
                .setConfigOperation((byte) 3).setValue("2"));
        var resources = new AlterConfigsResourceCollection();
        resources.add(new IncrementalAlterConfigsRequestData.AlterConfigsResource().setResourceType((byte) 2)
                .setResourceName("orders").setConfigs(topicConfigs));
        resources.add(new IncrementalAlterConfigsRequestData.AlterConfigsResource().setResourceType((byte) 4)
                .setResourceName("1").setConfigs(brokerConfigs));
        return new IncrementalAlterConfigsRequestData().setResources(resources).setValidateOnly(true);
    }

    private static IncrementalAlterConfigsResponseData kafkaResponse() {
        return new IncrementalAlterConfigsResponseData().setThrottleTimeMs(3).setResponses(List.of(
                new IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse().setErrorCode((short) 0)
                        .setErrorMessage(null).setResourceType((byte) 2).setResourceName("orders"),
                new IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse().setErrorCode((short) 40)
                        .setErrorMessage("bad value").setResourceType((byte) 2).setResourceName("payments")));
    }
}

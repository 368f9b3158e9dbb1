package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import java.util.List;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.CreatePartitionsRequestData.CreatePartitionsAssignment;
import org.apache.kafka.common.message.CreatePartitionsRequestData.CreatePartitionsTopic;
import org.apache.kafka.common.message.CreatePartitionsResponseData;
import org.apache.kafka.common.message.CreatePartitionsResponseData.CreatePartitionsTopicResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CreatePartitionsMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.CREATE_PARTITIONS);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        CreatePartitionsRequest ours = roundTrip(kafkaRequest(), version, CreatePartitionsRequest::read);

        assertThat(ours.timeoutMs()).isEqualTo(20_000);
        assertThat(ours.validateOnly()).isTrue();
        assertThat(ours.topics()).containsExactly(
                new CreatePartitionsRequest.CreatePartitionsTopic("orders", 8, null),
                new CreatePartitionsRequest.CreatePartitionsTopic("manual", 3, List.of(
                        new CreatePartitionsRequest.CreatePartitionsAssignment(List.of(1, 2)),
                        new CreatePartitionsRequest.CreatePartitionsAssignment(List.of(2, 0)))));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        CreatePartitionsResponse ours = roundTrip(kafkaResponse(), version, CreatePartitionsResponse::read);

        assertThat(ours.throttleTimeMs()).isEqualTo(5);
        assertThat(ours.results()).containsExactly(
                new CreatePartitionsResponse.CreatePartitionsTopicResult("orders", (short) 0, null),
                new CreatePartitionsResponse.CreatePartitionsTopicResult("manual", (short) 37, "too few"));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaRequest(), version, CreatePartitionsRequest::read);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaResponse(), version, CreatePartitionsResponse::read);
    }

    private static CreatePartitionsRequestData kafkaRequest() {
        var kafka = new CreatePartitionsRequestData().setTimeoutMs(20_000).setValidateOnly(true);
        kafka.topics().add(new CreatePartitionsTopic().setName("orders").setCount(8).setAssignments(null));
        kafka.topics().add(new CreatePartitionsTopic().setName("manual").setCount(3).setAssignments(List.of(
                new CreatePartitionsAssignment().setBrokerIds(List.of(1, 2)),
                new CreatePartitionsAssignment().setBrokerIds(List.of(2, 0)))));
        return kafka;
    }

    private static CreatePartitionsResponseData kafkaResponse() {
        return new CreatePartitionsResponseData().setThrottleTimeMs(5).setResults(List.of(
                new CreatePartitionsTopicResult().setName("orders").setErrorCode((short) 0).setErrorMessage(null),
                new CreatePartitionsTopicResult().setName("manual").setErrorCode((short) 37)
                        .setErrorMessage("too few")));
    }
}

package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import java.util.List;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.FindCoordinatorResponseData.Coordinator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FindCoordinatorMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.FIND_COORDINATOR);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        FindCoordinatorRequest ours = roundTrip(kafkaRequest(version), version, FindCoordinatorRequest::read);

        assertThat(ours.keyType()).isEqualTo(version >= 1 ? (byte) 1 : 0);
        if (version >= 4) {
            assertThat(ours.coordinatorKeys()).containsExactly("txn-a", "txn-b");
        } else {
            assertThat(ours.key()).isEqualTo("txn-a");
        }
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        FindCoordinatorResponse ours = roundTrip(kafkaResponse(version), version, FindCoordinatorResponse::read);

        if (version >= 4) {
            assertThat(ours.coordinators()).containsExactly(
                    new FindCoordinatorResponse.Coordinator("txn-a", 2, "broker-2", 9093, (short) 0, null),
                    new FindCoordinatorResponse.Coordinator("txn-b", -1, "", -1, (short) 15, "not available"));
        } else {
            assertThat(ours.nodeId()).isEqualTo(2);
            assertThat(ours.host()).isEqualTo("broker-2");
            assertThat(ours.port()).isEqualTo(9093);
            assertThat(ours.errorCode()).isEqualTo((short) 15);
            assertThat(ours.errorMessage()).isEqualTo(version >= 1 ? "not available" : null);
        }
        assertThat(ours.throttleTimeMs()).isEqualTo(version >= 1 ? 6 : 0);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaRequest(version), version, FindCoordinatorRequest::read);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaResponse(version), version, FindCoordinatorResponse::read);
    }

    private static FindCoordinatorRequestData kafkaRequest(short version) {
        var kafka = new FindCoordinatorRequestData();
        if (version >= 1) {
            kafka.setKeyType((byte) 1);
        }
        if (version >= 4) {
            kafka.setCoordinatorKeys(List.of("txn-a", "txn-b"));
        } else {
            kafka.setKey("txn-a");
        }
        return kafka;
    }

    private static FindCoordinatorResponseData kafkaResponse(short version) {
        var kafka = new FindCoordinatorResponseData();
        if (version >= 1) {
            kafka.setThrottleTimeMs(6);
        }
        if (version >= 4) {
            kafka.setCoordinators(List.of(
                    new Coordinator().setKey("txn-a").setNodeId(2).setHost("broker-2").setPort(9093)
                            .setErrorCode((short) 0).setErrorMessage(null),
                    new Coordinator().setKey("txn-b").setNodeId(-1).setHost("").setPort(-1)
                            .setErrorCode((short) 15).setErrorMessage("not available")));
        } else {
            kafka.setErrorCode((short) 15).setNodeId(2).setHost("broker-2").setPort(9093);
            if (version >= 1) {
                kafka.setErrorMessage("not available");
            }
        }
        return kafka;
    }
}

package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.kafkaBytes;
import static io.mq.protocol.KafkaOracle.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.ApiKey;
import io.mq.protocol.ProtocolException;
import io.mq.protocol.types.WireReader;
import io.netty.buffer.Unpooled;
import org.apache.kafka.common.message.DescribeClusterRequestData;
import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DescribeClusterMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.DESCRIBE_CLUSTER);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        DescribeClusterRequest ours = roundTrip(request(version), version, DescribeClusterRequest::read);

        assertThat(ours).isEqualTo(new DescribeClusterRequest(true, version >= 1 ? (byte) 2 : 1));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        DescribeClusterResponse ours = roundTrip(response(version), version, DescribeClusterResponse::read);

        assertThat(ours.throttleTimeMs()).isEqualTo(6);
        assertThat(ours.errorCode()).isEqualTo((short) 29);
        assertThat(ours.errorMessage()).isEqualTo("not authorized");
        assertThat(ours.endpointType()).isEqualTo(version >= 1 ? (byte) 2 : 1);
        assertThat(ours.clusterId()).isEqualTo("mq-cluster");
        assertThat(ours.controllerId()).isEqualTo(1);
        assertThat(ours.brokers()).containsExactly(
                new DescribeClusterResponse.DescribeClusterBroker(1, "broker-1", 9092, "rack-a"),
                new DescribeClusterResponse.DescribeClusterBroker(2, "broker-2", 9093, null));
        assertThat(ours.clusterAuthorizedOperations()).isEqualTo(0x0FF8);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestFailsWithProtocolException(short version) {
        byte[] bytes = kafkaBytes(request(version), version);

        assertThatThrownBy(() -> DescribeClusterRequest.read(truncated(bytes), version))
                .isInstanceOf(ProtocolException.class);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseFailsWithProtocolException(short version) {
        byte[] bytes = kafkaBytes(response(version), version);

        assertThatThrownBy(() -> DescribeClusterResponse.read(truncated(bytes), version))
                .isInstanceOf(ProtocolException.class);
    }

    private static DescribeClusterRequestData request(short version) {
        var kafka = new DescribeClusterRequestData().setIncludeClusterAuthorizedOperations(true);
        if (version >= 1) {
            kafka.setEndpointType((byte) 2);
        }
        return kafka;
    }

    private static DescribeClusterResponseData response(short version) {
        var kafka = new DescribeClusterResponseData().setThrottleTimeMs(6).setErrorCode((short) 29)
                .setErrorMessage("not authorized").setClusterId("mq-cluster").setControllerId(1)
                .setClusterAuthorizedOperations(0x0FF8);
        kafka.brokers().add(new DescribeClusterResponseData.DescribeClusterBroker().setBrokerId(1).setHost("broker-1")
                .setPort(9092).setRack("rack-a"));
        kafka.brokers().add(new DescribeClusterResponseData.DescribeClusterBroker().setBrokerId(2).setHost("broker-2")
                .setPort(9093));
        if (version >= 1) {
            kafka.setEndpointType((byte) 2);
        }
        return kafka;
    }

    private static WireReader truncated(byte[] bytes) {
        return new WireReader(Unpooled.wrappedBuffer(bytes, 0, bytes.length - 1));
    }
}

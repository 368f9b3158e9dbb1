package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.kafkaBytes;
import static io.mq.protocol.KafkaOracle.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.ApiKey;
import io.mq.protocol.ProtocolException;
import io.mq.protocol.types.WireReader;
import io.netty.buffer.Unpooled;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InitProducerIdMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.INIT_PRODUCER_ID);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        InitProducerIdRequest ours = roundTrip(request(version, "tx-1"), version, InitProducerIdRequest::read);

        assertThat(ours).isEqualTo(new InitProducerIdRequest("tx-1", 60_000, version >= 3 ? 1000L : -1L,
                version >= 3 ? (short) 2 : -1));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestWithoutTransactionalIdMatchesKafkaBytes(short version) {
        InitProducerIdRequest ours = roundTrip(request(version, null), version, InitProducerIdRequest::read);

        assertThat(ours.transactionalId()).isNull();
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        InitProducerIdResponse ours = roundTrip(response(), version, InitProducerIdResponse::read);

        assertThat(ours).isEqualTo(new InitProducerIdResponse(4, (short) 0, 5000L, (short) 1));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestFailsWithProtocolException(short version) {
        byte[] bytes = kafkaBytes(request(version, "tx-1"), version);

        assertThatThrownBy(() -> InitProducerIdRequest.read(truncated(bytes), version))
                .isInstanceOf(ProtocolException.class);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseFailsWithProtocolException(short version) {
        byte[] bytes = kafkaBytes(response(), version);

        assertThatThrownBy(() -> InitProducerIdResponse.read(truncated(bytes), version))
                .isInstanceOf(ProtocolException.class);
    }

    private static InitProducerIdRequestData request(short version, String transactionalId) {
        var kafka = new InitProducerIdRequestData().setTransactionalId(transactionalId).setTransactionTimeoutMs(60_000);
        if (version >= 3) {
            kafka.setProducerId(1000L).setProducerEpoch((short) 2);
        }
        return kafka;
    }

    private static InitProducerIdResponseData response() {
        return new InitProducerIdResponseData().setThrottleTimeMs(4).setErrorCode((short) 0).setProducerId(5000L)
                .setProducerEpoch((short) 1);
    }

    private static WireReader truncated(byte[] bytes) {
        return new WireReader(Unpooled.wrappedBuffer(bytes, 0, bytes.length - 1));
    }
}

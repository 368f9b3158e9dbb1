package io.mq.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.RetriableException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorsTest {

    @ParameterizedTest
    @EnumSource(Errors.class)
    void codeNameAndRetriabilityMatchKafka(Errors error) {
        org.apache.kafka.common.protocol.Errors kafka = org.apache.kafka.common.protocol.Errors.forCode(error.code());

        assertThat(kafka.name()).isEqualTo(error.name());
        assertThat(kafka.exception() instanceof RetriableException).as("%s retriable", error)
                .isEqualTo(error.retriable());
    }

    @org.junit.jupiter.api.Test
    void unknownCodeMapsToUnknownServerError() {
        assertThat(Errors.forCode((short) 30_000)).isEqualTo(Errors.UNKNOWN_SERVER_ERROR);
    }
}

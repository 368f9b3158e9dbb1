package io.mq.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.protocol.ApiKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApiKeyTest {

    @ParameterizedTest
    @EnumSource(ApiKey.class)
    void idNameAndFlexibleVersionsMatchKafka(ApiKey apiKey) {
        ApiKeys kafka = ApiKeys.forId(apiKey.id());

        assertThat(kafka.name).isEqualTo(apiKey.displayName());
        for (short v = apiKey.minVersion(); v <= apiKey.maxVersion(); v++) {
            assertThat(apiKey.requestHeaderVersion(v)).as("%s v%d request header", apiKey, v)
                    .isEqualTo(kafka.requestHeaderVersion(v));
            assertThat(apiKey.responseHeaderVersion(v)).as("%s v%d response header", apiKey, v)
                    .isEqualTo(kafka.responseHeaderVersion(v));
        }
    }

    @org.junit.jupiter.api.Test
    void unknownIdIsNull() {
        assertThat(ApiKey.forId(9999)).isNull();
        assertThat(ApiKey.forId(-1)).isNull();
    }
}

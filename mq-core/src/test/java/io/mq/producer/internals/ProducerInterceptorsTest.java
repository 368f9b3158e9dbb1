package io.mq.producer.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.producer.ProducerInterceptor;
import io.mq.producer.ProducerRecord;
import io.mq.producer.SendFailedException;
import io.mq.producer.SendResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProducerInterceptorsTest {

    @Test
    void interceptorsRunInOrderAndAFailingOneIsSkipped() {
        List<String> calls = new ArrayList<>();
        ProducerInterceptor broken = new ProducerInterceptor() {
            @Override
            public ProducerRecord onSend(ProducerRecord record) {
                throw new IllegalStateException("broken interceptor");
            }

            @Override
            public void onAcknowledgement(SendResult result, SendFailedException failure) {
                throw new IllegalStateException("broken interceptor");
            }
        };
        ProducerInterceptor tagging = new ProducerInterceptor() {
            @Override
            public ProducerRecord onSend(ProducerRecord record) {
                return ProducerRecord.builder(record.topic()).value(record.value()).header("tag", null).build();
            }

            @Override
            public void onAcknowledgement(SendResult result, SendFailedException failure) {
                calls.add("ack " + result);
            }
        };
        ProducerInterceptors interceptors = new ProducerInterceptors("test-producer", List.of(broken, tagging));

        ProducerRecord sent = interceptors.onSend(ProducerRecord.of("t", new byte[] {1}));
        interceptors.onAcknowledgement(new SendResult("t", 0, 9, 1), null);

        assertThat(sent.headers()).singleElement().satisfies(h -> assertThat(h.key()).isEqualTo("tag"));
        assertThat(calls).containsExactly("ack t-0@9");
        assertThat(interceptors.isEmpty()).isFalse();
        assertThat(ProducerInterceptors.NONE.isEmpty()).isTrue();
    }
}

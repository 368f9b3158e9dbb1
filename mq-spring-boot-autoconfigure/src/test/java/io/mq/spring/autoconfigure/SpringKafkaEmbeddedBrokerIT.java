package io.mq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.junit.EmbeddedBrokerExtension;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * spring-kafka's {@link KafkaTemplate} and a {@link KafkaListener} in a consumer group, in a Spring Boot application,
 * against mq's embedded broker.
 */
@SpringBootTest(classes = SpringKafkaEmbeddedBrokerIT.ListenerApplication.class, properties = {
        "spring.kafka.consumer.group-id=spring-kafka-it", "spring.kafka.consumer.auto-offset-reset=earliest",
        "spring.kafka.consumer.properties[session.timeout.ms]=6000",
        "spring.kafka.consumer.properties[heartbeat.interval.ms]=500"})
class SpringKafkaEmbeddedBrokerIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @DynamicPropertySource
    static void brokerAddress(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
        registry.add("mq.bootstrap-servers", BROKER::bootstrapServers);
    }

    @Autowired
    KafkaTemplate<String, String> template;

    @Autowired
    BlockingQueue<ConsumerRecord<String, String>> received;

    @Test
    void kafkaTemplateSendsAndKafkaListenerReceives() throws Exception {
        SendResult<String, String> sent = template.send("greetings", "alice", "hello").get(30, TimeUnit.SECONDS);

        ConsumerRecord<String, String> record = received.poll(60, TimeUnit.SECONDS);

        assertThat(record).isNotNull();
        assertThat(record.key()).isEqualTo("alice");
        assertThat(record.value()).isEqualTo("hello");
        assertThat(record.offset()).isEqualTo(sent.getRecordMetadata().offset());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ListenerApplication {

        @Bean
        BlockingQueue<ConsumerRecord<String, String>> received() {
            return new LinkedBlockingQueue<>();
        }

        @Bean
        GreetingListener greetingListener(BlockingQueue<ConsumerRecord<String, String>> received) {
            return new GreetingListener(received);
        }
    }

    static class GreetingListener {
        private final BlockingQueue<ConsumerRecord<String, String>> received;

        GreetingListener(BlockingQueue<ConsumerRecord<String, String>> received) {
            this.received = received;
        }

        @KafkaListener(topics = "greetings")
        void onGreeting(ConsumerRecord<String, String> record) {
            received.add(record);
        }
    }
}

package io.mq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.mq.producer.MqProducer;
import io.mq.spring.core.MqOperations;
import io.mq.spring.core.MqTemplate;
import io.mq.spring.core.ObservationSendInstrumentation;
import io.mq.spring.core.SendInstrumentation;
import io.mq.spring.core.TimerSendInstrumentation;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;

class MqTemplateAutoConfigurationTest {

    public record OrderPlaced(String orderId) {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MqClientAutoConfiguration.class,
                    MqTemplateAutoConfiguration.class))
            .withPropertyValues("mq.bootstrap-servers=127.0.0.1:9092");

    @Test
    void producerTemplateLifecycleAndTopicDeclarerAreConfigured() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(MqProducer.class).hasSingleBean(MqTemplate.class)
                    .hasSingleBean(MqProducerLifecycle.class).hasSingleBean(MqTopicDeclarer.class);
            assertThat(context.getBean(MqTemplate.class).getDefaultTopic()).isNull();
        });
    }

    @Test
    void defaultTopicComesFromTheProperty() {
        runner.withPropertyValues("mq.template.default-topic=audit")
                .run(context -> assertThat(context.getBean(MqTemplate.class).getDefaultTopic()).isEqualTo("audit"));
    }

    @Test
    void sendDefaultWithoutDefaultTopicFailsNamingTheProperty() {
        runner.run(context -> assertThatIllegalStateException()
                .isThrownBy(() -> context.getBean(MqOperations.class).sendDefault("payload"))
                .withMessageContaining("mq.template.default-topic"));
    }

    @Test
    void userOperationsBeanReplacesTheTemplate() {
        MqOperations mine = mock(MqOperations.class);
        runner.withBean(MqOperations.class, () -> mine).run(context -> {
            assertThat(context).doesNotHaveBean(MqTemplate.class);
            assertThat(context.getBean(MqOperations.class)).isSameAs(mine);
        });
    }

    @Test
    void userProducerBeanIsUsedByTheTemplate() {
        MqProducer mine = mock(MqProducer.class);
        when(mine.flush()).thenReturn(CompletableFuture.completedFuture(null));
        runner.withBean("myProducer", MqProducer.class, () -> mine).run(context -> {
            assertThat(context).hasSingleBean(MqProducer.class).hasSingleBean(MqTemplate.class);
            assertThat(context.getBean(MqProducer.class)).isSameAs(mine);
        });
    }

    @Test
    void noTemplateWithoutAProducer() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MqTemplateAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MqTemplate.class));
    }

    @Test
    void jsonConversionUsesTheApplicationObjectMapper() {
        runner.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE").run(context -> {
            MessageConverter converter = context.getBean(MqTemplateAutoConfiguration.MESSAGE_CONVERTER_BEAN,
                    MessageConverter.class);
            byte[] json = (byte[]) converter.toMessage(new OrderPlaced("o-1"), new MessageHeaders(Map.of())).getPayload();
            assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"order_id\":\"o-1\"}");
        });
    }

    @Test
    void withoutJacksonOnlyTextAndBytesAreConverted() {
        runner.withClassLoader(new FilteredClassLoader(ObjectMapper.class)).run(context -> {
            MessageConverter converter = context.getBean(MqTemplateAutoConfiguration.MESSAGE_CONVERTER_BEAN,
                    MessageConverter.class);
            assertThat(converter.toMessage("text", new MessageHeaders(Map.of()))).isNotNull();
            assertThat(converter.toMessage(new OrderPlaced("o-1"), new MessageHeaders(Map.of()))).isNull();
        });
    }

    @Test
    void userMessageConverterNamedMqMessageConverterWins() {
        StringMessageConverter mine = new StringMessageConverter();
        runner.withBean(MqTemplateAutoConfiguration.MESSAGE_CONVERTER_BEAN, MessageConverter.class, () -> mine)
                .run(context -> assertThat(context.getBean(MqTemplateAutoConfiguration.MESSAGE_CONVERTER_BEAN))
                        .isSameAs(mine));
    }

    @Test
    void noInstrumentationWithoutMicrometerBeans() {
        runner.run(context -> assertThat(context).doesNotHaveBean(SendInstrumentation.class)
                .hasSingleBean(MqTemplate.class));
    }

    @Test
    void noInstrumentationWithoutMicrometerOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class, ObservationRegistry.class))
                .withPropertyValues("mq.template.observation-enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(SendInstrumentation.class)
                        .hasSingleBean(MqTemplate.class));
    }

    @Test
    void timerWhenAMeterRegistryExists() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> assertThat(
                context.getBean(SendInstrumentation.class)).isInstanceOf(TimerSendInstrumentation.class));
    }

    @Test
    void observationIsOffByDefaultSoTheTimerIsUsed() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(ObservationRegistry.class, ObservationRegistry::create)
                .run(context -> assertThat(context.getBean(SendInstrumentation.class))
                        .isInstanceOf(TimerSendInstrumentation.class));
    }

    @Test
    void observationWhenEnabledAndARegistryExists() {
        runner.withPropertyValues("mq.template.observation-enabled=true")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(ObservationRegistry.class, ObservationRegistry::create)
                .run(context -> assertThat(context.getBean(SendInstrumentation.class))
                        .isInstanceOf(ObservationSendInstrumentation.class));
    }

    @Test
    void observationEnabledWithoutARegistryFallsBackToNothing() {
        runner.withPropertyValues("mq.template.observation-enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(SendInstrumentation.class));
    }

    @Test
    void userInstrumentationWins() {
        SendInstrumentation mine = (topic, headers) -> (result, failure) -> {
        };
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(SendInstrumentation.class, () -> mine)
                .run(context -> assertThat(context.getBean(SendInstrumentation.class)).isSameAs(mine));
    }

    @Test
    void pendingSendsAreFlushedAfterTheWebServersGracefulShutdown() {
        assertThat(MqProducerLifecycle.PHASE).as("lower phase stops later")
                .isLessThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
    }
}

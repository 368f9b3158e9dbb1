package io.mq.spring.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.mq.producer.MqProducer;
import io.mq.spring.core.MqOperations;
import io.mq.spring.core.MqTemplate;
import io.mq.spring.core.ObservationSendInstrumentation;
import io.mq.spring.core.SendInstrumentation;
import io.mq.spring.core.TimerSendInstrumentation;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;

/**
 * The {@link MqTemplate} (unless the application has its own {@link MqOperations}). Payloads are converted by the
 * {@link MessageConverter} bean named {@value #MESSAGE_CONVERTER_BEAN} ({@code String} as text, other objects as
 * JSON with the application's {@link ObjectMapper} when Jackson is present). Sends are observed with Micrometer
 * Observation when {@code mq.template.observation-enabled=true} and an {@link ObservationRegistry} bean exists,
 * otherwise timed ({@code mq.template}) when a {@link MeterRegistry} bean exists; a {@link SendInstrumentation} bean
 * of the application's replaces both.
 */
@AutoConfiguration(after = MqClientAutoConfiguration.class, afterName = {
        "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MqTemplate.class, MessageConverter.class })
@ConditionalOnBean(MqProducer.class)
@Import({ MqTemplateAutoConfiguration.JacksonConverterConfiguration.class,
        MqTemplateAutoConfiguration.PlainConverterConfiguration.class,
        MqTemplateAutoConfiguration.ObservationConfiguration.class,
        MqTemplateAutoConfiguration.TimerConfiguration.class })
public final class MqTemplateAutoConfiguration {

    /** The name of the {@link MessageConverter} bean the template uses; declare one with this name to replace it. */
    public static final String MESSAGE_CONVERTER_BEAN = "mqMessageConverter";

    @Bean
    @ConditionalOnMissingBean(MqOperations.class)
    MqTemplate mqTemplate(MqProducer producer, @Qualifier(MESSAGE_CONVERTER_BEAN) MessageConverter converter,
            MqProperties properties, ObjectProvider<SendInstrumentation> instrumentation) {
        return new MqTemplate(producer, converter, properties.getTemplate().getDefaultTopic(),
                instrumentation.getIfUnique(() -> SendInstrumentation.NONE));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObjectMapper.class)
    static class JacksonConverterConfiguration {

        @Bean(MESSAGE_CONVERTER_BEAN)
        @ConditionalOnMissingBean(name = MESSAGE_CONVERTER_BEAN)
        MessageConverter mqMessageConverter(ObjectProvider<ObjectMapper> objectMapper) {
            MappingJackson2MessageConverter json = new MappingJackson2MessageConverter();
            json.setObjectMapper(objectMapper.getIfUnique(() -> new ObjectMapper().findAndRegisterModules()));
            return new CompositeMessageConverter(
                    List.of(new ByteArrayMessageConverter(), new StringMessageConverter(), json));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("com.fasterxml.jackson.databind.ObjectMapper")
    static class PlainConverterConfiguration {

        @Bean(MESSAGE_CONVERTER_BEAN)
        @ConditionalOnMissingBean(name = MESSAGE_CONVERTER_BEAN)
        MessageConverter mqMessageConverter() {
            return new CompositeMessageConverter(List.of(new ByteArrayMessageConverter(), new StringMessageConverter()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationRegistry.class)
    @ConditionalOnProperty(name = "mq.template.observation-enabled", havingValue = "true")
    @ConditionalOnBean(ObservationRegistry.class)
    static class ObservationConfiguration {

        @Bean
        @ConditionalOnMissingBean
        SendInstrumentation mqSendInstrumentation(ObservationRegistry registry) {
            return new ObservationSendInstrumentation(registry);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    @Conditional(ObservationNotUsed.class)
    static class TimerConfiguration {

        @Bean
        @ConditionalOnMissingBean
        SendInstrumentation mqSendInstrumentation(MeterRegistry registry) {
            return new TimerSendInstrumentation(registry);
        }
    }

    /** Matches unless sends are observed (observation enabled and an {@code ObservationRegistry} bean present). */
    static final class ObservationNotUsed extends NoneNestedConditions {

        ObservationNotUsed() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = "mq.template.observation-enabled", havingValue = "true")
        @ConditionalOnBean(type = "io.micrometer.observation.ObservationRegistry")
        static final class ObservationUsed {
        }
    }
}

package io.mq.spring.autoconfigure;

import io.mq.producer.Acks;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;

/** Binds {@code mq.producer.acks} from Kafka's spellings: {@code all}, {@code -1}, {@code 1} or {@code 0}. */
@ConfigurationPropertiesBinding
final class AcksConverter implements Converter<String, Acks> {

    @Override
    public Acks convert(String source) {
        return Acks.forConfig(source);
    }
}

package io.mq.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when {@code mq.bootstrap-servers} is unset and {@code mq.embedded.enabled} is not false. */
class OnEmbeddedBrokerCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        if (!env.getProperty("mq.embedded.enabled", Boolean.class, true)) {
            return ConditionOutcome.noMatch("mq.embedded.enabled is false");
        }
        String servers = env.getProperty("mq.bootstrap-servers");
        if (StringUtils.hasText(servers) || StringUtils.hasText(env.getProperty("mq.bootstrap-servers[0]"))) {
            return ConditionOutcome.noMatch("mq.bootstrap-servers is set");
        }
        return ConditionOutcome.match("no mq.bootstrap-servers: using the embedded broker");
    }
}

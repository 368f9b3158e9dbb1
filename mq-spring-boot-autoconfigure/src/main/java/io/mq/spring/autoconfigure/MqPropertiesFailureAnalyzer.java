package io.mq.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains an {@link InvalidMqPropertiesException} at startup: which {@code mq.*} settings are wrong and why. */
final class MqPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<InvalidMqPropertiesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidMqPropertiesException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Update the '" + cause.prefix() + ".*' properties in your application configuration so that they "
                        + "satisfy the rules above (see the configuration reference in mq's README).",
                cause);
    }
}

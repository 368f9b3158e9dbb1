package io.mq.broker.junit;

import io.mq.broker.EmbeddedBroker;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link EmbeddedBroker} per test class on 127.0.0.1 and a free port, with a temporary data directory,
 * and closes it after the class. Test methods and constructors can take the broker as a parameter.
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedBrokerExtension.class)
 * class OrderEventsTest {
 *     @Test
 *     void publishes(EmbeddedBroker broker) {
 *         String bootstrap = broker.bootstrapServers();
 *     }
 * }
 *
 * // or, to customize the broker:
 * @RegisterExtension
 * static final EmbeddedBrokerExtension BROKER = EmbeddedBrokerExtension.with(b -> b.defaultPartitions(3));
 * }</pre>
 */
public final class EmbeddedBrokerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final Consumer<EmbeddedBroker.Builder> customizer;
    private EmbeddedBroker broker;

    /** An extension with default broker settings (used by {@code @ExtendWith}). */
    public EmbeddedBrokerExtension() {
        this(builder -> { });
    }

    private EmbeddedBrokerExtension(Consumer<EmbeddedBroker.Builder> customizer) {
        this.customizer = customizer;
    }

    /** An extension whose broker is customized by {@code customizer} before it starts. */
    public static EmbeddedBrokerExtension with(Consumer<EmbeddedBroker.Builder> customizer) {
        return new EmbeddedBrokerExtension(customizer);
    }

    /** The running broker. */
    public EmbeddedBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("the embedded broker starts before the first test of the class");
        }
        return broker;
    }

    /** Shortcut for {@code broker().bootstrapServers()}. */
    public String bootstrapServers() {
        return broker().bootstrapServers();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        EmbeddedBroker.Builder builder = EmbeddedBroker.builder().host("127.0.0.1").port(0);
        customizer.accept(builder);
        broker = builder.build().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return broker();
    }
}

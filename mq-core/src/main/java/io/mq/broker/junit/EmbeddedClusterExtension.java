package io.mq.broker.junit;

import io.mq.broker.EmbeddedCluster;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link EmbeddedCluster} (three brokers by default, free ports, temporary data) per test class and closes
 * it after the class. Test methods and constructors can take the cluster as a parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedClusterExtension CLUSTER = EmbeddedClusterExtension.with(c -> c.brokers(3));
 *
 * @Test
 * void followsTheLeader() {
 *     CLUSTER.cluster().moveLeadership("orders", 0, 1);
 * }
 * }</pre>
 */
public final class EmbeddedClusterExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final Consumer<EmbeddedCluster.Builder> customizer;
    private EmbeddedCluster cluster;

    /** An extension with default cluster settings (used by {@code @ExtendWith}). */
    public EmbeddedClusterExtension() {
        this(builder -> { });
    }

    private EmbeddedClusterExtension(Consumer<EmbeddedCluster.Builder> customizer) {
        this.customizer = customizer;
    }

    /** An extension whose cluster is customized by {@code customizer} before it starts. */
    public static EmbeddedClusterExtension with(Consumer<EmbeddedCluster.Builder> customizer) {
        return new EmbeddedClusterExtension(customizer);
    }

    /** The running cluster. */
    public EmbeddedCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("the embedded cluster starts before the first test of the class");
        }
        return cluster;
    }

    /** Shortcut for {@code cluster().bootstrapServers()}. */
    public String bootstrapServers() {
        return cluster().bootstrapServers();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        EmbeddedCluster.Builder builder = EmbeddedCluster.builder();
        customizer.accept(builder);
        cluster = builder.build().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster();
    }
}

package io.mq.benchmarks.kafka;

import io.mq.benchmarks.process.ChildProcesses;
import io.mq.benchmarks.process.ClassPathFile;
import io.mq.benchmarks.process.JvmSpec;
import io.mq.benchmarks.process.LogFiles;
import io.mq.benchmarks.process.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in a child JVM: KRaft combined mode (broker and controller), one node, bound to
 * 127.0.0.1 on free ports, data in a fresh temp directory. The broker runs from the jars on this JVM's class path
 * ({@code org.apache.kafka:kafka_2.13} and its dependencies), so nothing is installed by hand.
 *
 * <p>{@link #start()} writes {@code server.properties}, formats the storage with Kafka's storage tool
 * ({@code kafka.tools.StorageTool format --standalone}) in one child JVM, runs {@code kafka.Kafka} in another and
 * returns once the listener accepts connections and an Admin {@code describeCluster} lists the broker
 * ({@link #launch} and {@link #awaitReady} are the two halves, for measuring startup).
 * {@link #close()} stops the process by PID (SIGTERM, then SIGKILL after a bound) and deletes the directory; the
 * processes are registered with {@link ChildProcesses}, which kills them if the JVM exits first.
 * Child output goes to {@code format.log} and {@code server.log} in the directory; startup failures carry its tail.
 *
 * <p>Plain class without JUnit: the benchmarks run it, and mq-it-kafka4's tests reuse it.
 */
public final class ApacheKafkaServer implements AutoCloseable {

    /** Node id of the single node. */
    public static final int NODE_ID = 1;
    /** Default bound for formatting plus startup. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    /** Default maximum heap of the broker JVM. */
    public static final String DEFAULT_HEAP = "512m";

    private static final String FORMAT_HEAP = "256m";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int PORT_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 60;
    private static final String MAIN_CLASS = "kafka.Kafka";
    private static final String STORAGE_TOOL = "kafka.tools.StorageTool";

    private final Path dir;
    private final Process process;
    private final long processStartNanos;
    private final int brokerPort;
    private final String bootstrapServers;

    private ApacheKafkaServer(Path dir, Process process, long processStartNanos, int brokerPort) {
        this.dir = dir;
        this.process = process;
        this.processStartNanos = processStartNanos;
        this.brokerPort = brokerPort;
        this.bootstrapServers = "127.0.0.1:" + brokerPort;
    }

    /** Starts a broker with the default settings and waits (at most {@link #DEFAULT_START_TIMEOUT}) until it serves. */
    public static ApacheKafkaServer start() throws IOException, InterruptedException {
        return start(Map.of(), DEFAULT_HEAP, DEFAULT_START_TIMEOUT);
    }

    /**
     * Starts a broker and waits until it serves.
     *
     * @param overrides server properties layered over the fixture's (e.g. {@code log.segment.bytes}); replacing
     *                  listeners, quorum or directories breaks the fixture's assumptions
     * @param heap      maximum heap of the broker JVM, e.g. {@code "512m"}
     * @param timeout   bound for formatting plus startup
     * @throws IllegalStateException when formatting fails or the broker exits or is not ready in time; the message
     *                               ends with the tail of the child's log
     */
    public static ApacheKafkaServer start(Map<String, String> overrides, String heap, Duration timeout)
            throws IOException, InterruptedException {
        return start(overrides, JvmSpec.heap(heap), timeout);
    }

    /**
     * Starts a broker in a JVM launched as {@code jvm} says (heap, GC options, a wrapper main) and waits until it
     * serves; retries with fresh ports when another process took one first.
     *
     * @see #start(Map, String, Duration)
     */
    public static ApacheKafkaServer start(Map<String, String> overrides, JvmSpec jvm, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int attempt = 1; ; attempt++) {
            ApacheKafkaServer server = launch(overrides, jvm, Duration.ofNanos(remainingNanos(deadline)));
            try {
                server.awaitReady(Duration.ofNanos(remainingNanos(deadline)));
                return server;
            } catch (PortTakenException e) {
                server.close();
                if (attempt == PORT_ATTEMPTS) {
                    throw new IllegalStateException("Kafka could not bind its ports in " + attempt + " attempts",
                            e.getCause());
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                server.close();
                throw e;
            }
        }
    }

    /**
     * Formats the storage (bounded by {@code formatTimeout}) and launches the broker JVM, returning at once without
     * waiting for it to serve: {@link #bootstrapServers()} is known, the listener may not be open yet. Pair with
     * {@link #awaitReady(Duration)}, or send with a client that retries until the broker answers.
     */
    public static ApacheKafkaServer launch(Map<String, String> overrides, JvmSpec jvm, Duration formatTimeout)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("apache-kafka-");
        ChildProcesses.deleteOnExit(dir);
        try {
            return launchIn(dir, overrides, jvm, System.nanoTime() + formatTimeout.toNanos());
        } catch (IOException | InterruptedException | RuntimeException e) {
            LogFiles.deleteRecursively(dir);
            throw e;
        }
    }

    /**
     * Waits until the PLAINTEXT port accepts connections and an Admin {@code describeCluster} lists this node.
     *
     * @throws IllegalStateException when the broker exits or is not ready in time; the message ends with the tail
     *                               of its log
     */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        awaitReady(process, brokerPort, bootstrapServers, dir.resolve("server.log"),
                System.nanoTime() + timeout.toNanos());
    }

    /** {@code 127.0.0.1:<port>} of the PLAINTEXT listener. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Process id of the broker JVM. */
    public long pid() {
        return process.pid();
    }

    /** {@link System#nanoTime()} just before the broker JVM was launched (storage formatting done). */
    public long processStartNanos() {
        return processStartNanos;
    }

    /** The temp directory holding {@code server.properties}, the logs and the data (deleted by {@link #close()}). */
    public Path directory() {
        return dir;
    }

    /**
     * Stops the broker (SIGTERM, SIGKILL if it has not exited after 30 s; SIGKILL at once if this thread is
     * interrupted, keeping the interrupt flag) and deletes its directory.
     */
    @Override
    public void close() throws IOException {
        try {
            ChildProcesses.stop(process, STOP_TIMEOUT);
        } finally {
            LogFiles.deleteRecursively(dir);
        }
    }

    private static ApacheKafkaServer launchIn(Path dir, Map<String, String> overrides, JvmSpec jvm,
            long formatDeadline) throws IOException, InterruptedException {
        int[] ports = LoopbackPorts.free(2);
        int brokerPort = ports[0];
        int controllerPort = ports[1];
        Path config = dir.resolve("server.properties");
        Files.writeString(config, render(serverProperties(dir, brokerPort, controllerPort, overrides)));
        Path logback = dir.resolve("logback.xml");
        Files.writeString(logback, LOGBACK);
        Path classPath = ClassPathFile.write(dir.resolve("classpath.args"));
        format(dir, config, logback, classPath, formatDeadline);

        List<String> command = withLogging(jvm, logback).command(classPath, MAIN_CLASS, List.of(config.toString()));
        long processStart = System.nanoTime();
        Process process = launch(command, dir.resolve("server.log"));
        return new ApacheKafkaServer(dir, process, processStart, brokerPort);
    }

    /** The fixture's settings: KRaft combined mode, dynamic quorum of one, single-replica internal topics. */
    private static Map<String, String> serverProperties(Path dir, int brokerPort, int controllerPort,
            Map<String, String> overrides) {
        String controller = "127.0.0.1:" + controllerPort;
        Map<String, String> props = new LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.bootstrap.servers", controller);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://" + controller);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://" + controller);
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("log.dirs", dir.resolve("data").toString());
        props.put("num.partitions", "1");
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.putAll(overrides);
        return props;
    }

    /** Runs {@code kafka-storage format --standalone} with a random cluster id, as a 4.x single-node quorum needs. */
    private static void format(Path dir, Path config, Path logback, Path classPath, long deadline)
            throws IOException, InterruptedException {
        Path log = dir.resolve("format.log");
        List<String> command = withLogging(JvmSpec.heap(FORMAT_HEAP), logback).command(classPath, STORAGE_TOOL,
                List.of("format", "--standalone", "--cluster-id", Uuid.randomUuid().toString(),
                        "--config", config.toString()));
        Process tool = launch(command, log);
        if (!tool.waitFor(remainingNanos(deadline), TimeUnit.NANOSECONDS)) {
            ChildProcesses.stop(tool, STOP_TIMEOUT);
            throw new IllegalStateException("Kafka storage format did not finish in time" + tail(log));
        }
        if (tool.exitValue() != 0) {
            throw new IllegalStateException("Kafka storage format exited with " + tool.exitValue() + tail(log));
        }
    }

    /**
     * The JVM with the fixture's logging; {@link JvmSpec#command} takes the class path from an argument file, so the
     * command stays short (readable by {@code pgrep -f kafka.Kafka} and {@link ProcessHandle.Info}).
     */
    private static JvmSpec withLogging(JvmSpec jvm, Path logback) {
        return jvm.withOptions("-Djava.awt.headless=true", "-Dlogback.configurationFile=" + logback);
    }

    private static Process launch(List<String> command, Path log) throws IOException {
        return ChildProcesses.start(new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile()));
    }

    private static void awaitReady(Process process, int port, String bootstrap, Path log, long deadline)
            throws IOException, InterruptedException {
        while (!accepts(port)) {
            checkAlive(process, log);
            if (remainingNanos(deadline) == 0) {
                throw new IllegalStateException("Kafka did not open " + bootstrap + " in time" + tail(log));
            }
            Thread.sleep(100);
        }
        try (Admin admin = admin(bootstrap)) {
            while (true) {
                checkAlive(process, log);
                long remainingMs = TimeUnit.NANOSECONDS.toMillis(remainingNanos(deadline));
                if (remainingMs == 0) {
                    throw new IllegalStateException("Kafka at " + bootstrap + " did not list node " + NODE_ID
                            + " in describeCluster in time" + tail(log));
                }
                if (listsNode(admin, Math.min(remainingMs, 5_000))) {
                    return;
                }
                Thread.sleep(100);
            }
        }
    }

    private static boolean listsNode(Admin admin, long timeoutMs) throws InterruptedException {
        DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs((int) timeoutMs);
        try {
            Collection<Node> nodes = admin.describeCluster(options).nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
            return nodes.stream().anyMatch(node -> node.id() == NODE_ID);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void checkAlive(Process process, Path log) {
        if (process.isAlive()) {
            return;
        }
        String tail = tail(log);
        String message = "Kafka exited with " + process.exitValue() + " during startup" + tail;
        if (tail.contains("Address already in use")) {
            throw new PortTakenException(new IllegalStateException(message));
        }
        throw new IllegalStateException(message);
    }

    private static long remainingNanos(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static String render(Map<String, String> props) {
        StringBuilder text = new StringBuilder("# written by ApacheKafkaServer\n");
        props.forEach((key, value) -> text.append(key).append('=').append(ClassPathFile.escape(value))
                .append('\n'));
        return text.toString();
    }

    /** The last lines of a child's log, prefixed for an exception message. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return "\n--- last " + last.size() + " lines of " + log + " ---\n" + String.join("\n", last);
        } catch (IOException | UncheckedIOException e) {
            return " (no log at " + log + ": " + e + ")";
        }
    }

    /**
     * Kafka's own loggers at INFO to the console (the child's log file); chatty internals and the full config dumps
     * (server.properties is beside the log) at WARN, so a log tail shows what happened.
     */
    private static final String LOGBACK = """
            <configuration>
              <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                <encoder>
                  <pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern>
                </encoder>
              </appender>
              <logger name="org.apache.kafka.clients" level="WARN"/>
              <logger name="org.apache.kafka.common.metrics" level="WARN"/>
              <logger name="org.apache.kafka.common.config.AbstractConfig" level="WARN"/>
              <root level="INFO">
                <appender-ref ref="CONSOLE"/>
              </root>
            </configuration>
            """;

    /** Startup lost a port to another process between probing and binding; retried with fresh ports. */
    private static final class PortTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortTakenException(IllegalStateException cause) {
            super(cause);
        }
    }
}

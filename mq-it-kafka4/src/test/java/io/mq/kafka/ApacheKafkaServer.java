package io.mq.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
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
 * returns once the listener accepts connections and an Admin {@code describeCluster} lists the broker.
 * {@link #close()} stops the process by PID (SIGTERM, then SIGKILL after a bound) and deletes the directory.
 * Child output goes to {@code format.log} and {@code server.log} in the directory; startup failures carry its tail.
 *
 * <p>Plain class without JUnit, so benchmarks can use it too.
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
    private final String bootstrapServers;
    private final Thread killOnExit;

    private ApacheKafkaServer(Path dir, Process process, long processStartNanos, String bootstrapServers,
            Thread killOnExit) {
        this.dir = dir;
        this.process = process;
        this.processStartNanos = processStartNanos;
        this.bootstrapServers = bootstrapServers;
        this.killOnExit = killOnExit;
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
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int attempt = 1; ; attempt++) {
            Path dir = Files.createTempDirectory("apache-kafka-");
            try {
                return startIn(dir, overrides, heap, deadline);
            } catch (PortTakenException e) {
                deleteRecursively(dir);
                if (attempt == PORT_ATTEMPTS) {
                    throw new IllegalStateException("Kafka could not bind its ports in " + attempt + " attempts",
                            e.getCause());
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                deleteRecursively(dir);
                throw e;
            }
        }
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
            stop(process);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            removeHook(killOnExit);
            deleteRecursively(dir);
        }
    }

    private static ApacheKafkaServer startIn(Path dir, Map<String, String> overrides, String heap, long deadline)
            throws IOException, InterruptedException {
        int[] ports = freePorts(2);
        int brokerPort = ports[0];
        int controllerPort = ports[1];
        Path config = dir.resolve("server.properties");
        Files.writeString(config, render(serverProperties(dir, brokerPort, controllerPort, overrides)));
        Path logback = dir.resolve("logback.xml");
        Files.writeString(logback, LOGBACK);

        Path classPath = dir.resolve("classpath.args");
        Files.writeString(classPath, "-cp \"" + escape(System.getProperty("java.class.path")) + "\"\n");
        format(dir, config, logback, classPath, deadline);

        Path log = dir.resolve("server.log");
        List<String> command = java(heap, logback, classPath);
        command.add(MAIN_CLASS);
        command.add(config.toString());
        long processStart = System.nanoTime();
        Process process = launch(command, log);
        Thread hook = killOnExit(process);
        String bootstrap = "127.0.0.1:" + brokerPort;
        try {
            awaitReady(process, brokerPort, bootstrap, log, deadline);
            return new ApacheKafkaServer(dir, process, processStart, bootstrap, hook);
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(process);
            removeHook(hook);
            throw e;
        }
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
        List<String> command = java(FORMAT_HEAP, logback, classPath);
        command.addAll(List.of(STORAGE_TOOL, "format", "--standalone",
                "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString()));
        Process tool = launch(command, log);
        if (!tool.waitFor(remainingNanos(deadline), TimeUnit.NANOSECONDS)) {
            stop(tool);
            throw new IllegalStateException("Kafka storage format did not finish in time" + tail(log));
        }
        if (tool.exitValue() != 0) {
            throw new IllegalStateException("Kafka storage format exited with " + tool.exitValue() + tail(log));
        }
    }

    /**
     * A java command line; the class path comes from an argument file so the command stays short (readable by
     * {@code pgrep -f kafka.Kafka} and {@link ProcessHandle.Info}, within OS length limits).
     */
    private static List<String> java(String heap, Path logback, Path classPath) {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Djava.awt.headless=true", "-Dlogback.configurationFile=" + logback,
                "@" + classPath));
    }

    private static Process launch(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        process.getOutputStream().close();
        return process;
    }

    /** Waits until the PLAINTEXT port accepts connections and describeCluster lists this node. */
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

    private static void stop(Process process) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Kills the broker if this JVM exits without {@link #close()} (a failed or interrupted run). */
    private static Thread killOnExit(Process process) {
        Thread hook = new Thread(process::destroyForcibly, "apache-kafka-kill-" + process.pid());
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to run; it only kills an already stopped process
        }
    }

    /** Distinct free loopback ports, held open together so they differ; Kafka may still lose them to a race. */
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress("127.0.0.1", 0));
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static long remainingNanos(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static String render(Map<String, String> props) {
        StringBuilder text = new StringBuilder("# written by ApacheKafkaServer\n");
        props.forEach((key, value) -> text.append(key).append('=').append(escape(value)).append('\n'));
        return text.toString();
    }

    /** Escapes backslashes (Windows paths) for a properties value or a quoted argument-file token. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
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

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
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

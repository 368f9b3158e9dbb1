package io.mq.broker.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A broker in its own JVM ({@link io.mq.broker.BrokerMain}), killed with SIGKILL or stopped by PID. */
final class BrokerProcess implements AutoCloseable {

    private static final String READY = "mq-broker listening on ";

    private final Process process;
    private final String bootstrap;

    private BrokerProcess(Process process, String bootstrap) {
        this.process = process;
        this.bootstrap = bootstrap;
    }

    /** Starts a broker on a free loopback port with {@code args} and waits until it listens. */
    static BrokerProcess start(Path dataDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.mq.broker.BrokerMain",
                "--host", "127.0.0.1", "--port", "0", "--data-dir", dataDir.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith(READY)) {
                        ready.complete(line.substring(READY.length()).trim());
                    } else if (line.contains("WARN") || line.contains("ERROR")) {
                        System.out.println("[broker " + process.pid() + "] " + line);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("broker process exited before listening"));
        }, "broker-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            return new BrokerProcess(process, ready.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("broker process did not start", e);
        }
    }

    String bootstrapServers() {
        return bootstrap;
    }

    /** SIGKILL: no shutdown hook, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}

package io.mq.broker;

import io.mq.broker.storage.FlushMode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an {@link EmbeddedBroker} as a standalone process until it is stopped:
 * {@code java -cp ... io.mq.broker.BrokerMain --port 9092 --data-dir /tmp/mq --flush sync}.
 * Prints {@code mq-broker listening on host:port} to standard output once it accepts connections.
 * Options: {@code --host}, {@code --port}, {@code --data-dir}, {@code --flush sync|async}, {@code --segment-bytes},
 * {@code --partitions}.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedBroker.Builder builder = EmbeddedBroker.builder();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--host" -> builder.host(value);
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--data-dir" -> builder.dataDir(Path.of(value));
                case "--flush" -> builder.flushMode(FlushMode.valueOf(value.toUpperCase(Locale.ROOT)));
                case "--segment-bytes" -> builder.segmentBytes(Long.parseLong(value));
                case "--partitions" -> builder.defaultPartitions(Integer.parseInt(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; supported: --host --port --data-dir --flush --segment-bytes --partitions");
            }
        }
        EmbeddedBroker broker = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "mq-broker-shutdown"));
        System.out.println("mq-broker listening on " + broker.bootstrapServers());
        System.out.flush();
        stopped.await();
    }
}

package io.mq.benchmarks.cases;

import io.mq.benchmarks.process.BrokerLauncher;
import io.mq.benchmarks.process.BrokerUnderTest;
import java.util.ArrayList;
import java.util.List;

/** Brokers started for one case, stopped together (in reverse order) when the case ends. */
final class Brokers implements AutoCloseable {

    private final List<BrokerUnderTest> started = new ArrayList<>();

    /** Starts each launcher's broker in turn, logging how long each took; stops those started if one fails. */
    static Brokers start(CaseContext context, BrokerLauncher... launchers) throws Exception {
        Brokers brokers = new Brokers();
        try {
            for (BrokerLauncher launcher : launchers) {
                long begin = System.nanoTime();
                BrokerUnderTest broker = launcher.start();
                brokers.started.add(broker);
                context.log(String.format("  started %s at %s (pid %d) in %d ms", broker.name(),
                        broker.bootstrapServers(), broker.pid(), (System.nanoTime() - begin) / 1_000_000));
            }
            return brokers;
        } catch (Exception | Error e) {
            brokers.close();
            throw e;
        }
    }

    /** The {@code index}-th broker, in launcher order. */
    BrokerUnderTest get(int index) {
        return started.get(index);
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }
}

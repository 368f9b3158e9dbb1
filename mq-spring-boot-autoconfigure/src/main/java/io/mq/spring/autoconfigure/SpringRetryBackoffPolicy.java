package io.mq.spring.autoconfigure;

import io.mq.producer.BackoffPolicy;
import java.time.Duration;
import java.util.Objects;
import org.springframework.retry.backoff.BackOffContext;
import org.springframework.retry.backoff.BackOffPolicy;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.retry.backoff.SleepingBackOffPolicy;

/**
 * Adapts a spring-retry {@link BackOffPolicy} to the engine's {@link BackoffPolicy}. The spring policy only computes
 * each delay: it is given a {@link Sleeper} that records the requested pause instead of sleeping, and the engine then
 * schedules the retry on its own timer. No thread ever sleeps. Policies that are not {@link SleepingBackOffPolicy}
 * (such as {@code NoBackOffPolicy}) retry at once.
 */
public final class SpringRetryBackoffPolicy implements BackoffPolicy {

    /** Backoff policies reach their maximum long before this many steps; later attempts reuse the last step. */
    static final int MAX_REPLAYED_STEPS = 64;

    private final BackOffPolicy policy;

    public SpringRetryBackoffPolicy(BackOffPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The adapted spring-retry policy. */
    public BackOffPolicy policy() {
        return policy;
    }

    @Override
    public Duration delay(int failedAttempts) {
        if (!(policy instanceof SleepingBackOffPolicy<?> sleeping)) {
            return Duration.ZERO;
        }
        RecordingSleeper sleeper = new RecordingSleeper();
        BackOffPolicy recording = sleeping.withSleeper(sleeper);
        BackOffContext context = recording.start(null);
        for (int step = 0; step < Math.min(Math.max(failedAttempts, 1), MAX_REPLAYED_STEPS); step++) {
            recording.backOff(context);
        }
        return Duration.ofMillis(sleeper.lastMillis);
    }

    @Override
    public String toString() {
        return "SpringRetryBackoffPolicy[" + policy + "]";
    }

    /** Records the pause a policy asks for instead of pausing. */
    private static final class RecordingSleeper implements Sleeper {
        private static final long serialVersionUID = 1L;
        private long lastMillis;

        @Override
        public void sleep(long backOffPeriod) {
            lastMillis = backOffPeriod;
        }
    }
}

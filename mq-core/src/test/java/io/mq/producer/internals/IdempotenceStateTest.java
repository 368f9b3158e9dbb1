package io.mq.producer.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.metadata.TopicPartition;
import io.mq.producer.internals.IdempotenceState.ErrorAction;
import io.mq.protocol.Errors;
import io.mq.protocol.record.RecordBatch;
import org.junit.jupiter.api.Test;

class IdempotenceStateTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);

    private final IdempotenceState state = new IdempotenceState();

    @Test
    void nothingIsSendableBeforeAProducerIdIsKnown() {
        assertThat(state.isSendable()).isFalse();
        assertThat(state.producerIdRequired()).isTrue();
        assertThat(state.producerId()).isEqualTo(RecordBatch.NO_PRODUCER_ID);

        state.initialize(7L, (short) 0);

        assertThat(state.isSendable()).isTrue();
        assertThat(state.producerId()).isEqualTo(7L);
    }

    @Test
    void sequencesAdvanceByRecordCountPerPartition() {
        state.initialize(7L, (short) 0);

        assertThat(state.assignSequence(P0, 10)).isZero();
        assertThat(state.assignSequence(P0, 5)).isEqualTo(10);
        assertThat(state.assignSequence(P1, 3)).isZero();
        assertThat(state.nextSequence(P0)).isEqualTo(15);
        assertThat(state.nextSequence(P1)).isEqualTo(3);
    }

    @Test
    void sequencesWrapToZeroAfterIntMax() {
        state.initialize(7L, (short) 0);
        state.assignSequence(P0, Integer.MAX_VALUE - 5); // next is MAX - 5

        assertThat(state.assignSequence(P0, 10)).isEqualTo(Integer.MAX_VALUE - 5); // covers MAX-5..MAX, 0..3
        assertThat(state.nextSequence(P0)).isEqualTo(4);
        assertThat(IdempotenceState.incrementSequence(Integer.MAX_VALUE, 1)).isZero();
        assertThat(IdempotenceState.incrementSequence(5, 3)).isEqualTo(8);
    }

    @Test
    void onlyTheOldestUnresolvedBatchMayBeResent() {
        state.initialize(7L, (short) 0);
        int first = state.assignSequence(P0, 2);
        int second = state.assignSequence(P0, 2);

        assertThat(state.firstUnresolvedSequence(P0)).isEqualTo(first);
        assertThat(state.mayResend(P0, (short) 0, second)).isFalse();
        assertThat(state.mayResend(P0, (short) 0, first)).isTrue();

        state.onAcknowledged(P0, (short) 0, first);

        assertThat(state.mayResend(P0, (short) 0, second)).isTrue();
        assertThat(state.mayResend(P0, (short) 5, 99)).as("old epoch: gets a new sequence").isTrue();
    }

    @Test
    void outOfOrderOnTheOldestBatchRequiresAnEpochBumpThatRestartsSequences() {
        state.initialize(7L, (short) 3);
        int first = state.assignSequence(P0, 4);
        int second = state.assignSequence(P0, 4);
        state.assignSequence(P1, 4);

        assertThat(state.onError(P0, (short) 3, second, Errors.OUT_OF_ORDER_SEQUENCE_NUMBER))
                .as("collateral: an older batch is still unresolved").isEqualTo(ErrorAction.RETRY);
        assertThat(state.epochBumpRequired()).isFalse();

        assertThat(state.onError(P0, (short) 3, first, Errors.OUT_OF_ORDER_SEQUENCE_NUMBER))
                .isEqualTo(ErrorAction.RETRY);
        assertThat(state.epochBumpRequired()).isTrue();
        assertThat(state.isSendable()).isFalse();

        assertThat(state.bumpEpoch()).isTrue();

        assertThat(state.epoch()).isEqualTo((short) 4);
        assertThat(state.isSendable()).isTrue();
        assertThat(state.nextSequence(P0)).isZero();
        assertThat(state.nextSequence(P1)).isZero();
        assertThat(state.firstUnresolvedSequence(P0)).isEqualTo(RecordBatch.NO_SEQUENCE);
    }

    @Test
    void unknownProducerIdAlsoBumpsTheEpoch() {
        state.initialize(7L, (short) 0);
        int first = state.assignSequence(P0, 1);

        assertThat(state.onError(P0, (short) 0, first, Errors.UNKNOWN_PRODUCER_ID)).isEqualTo(ErrorAction.RETRY);

        assertThat(state.epochBumpRequired()).isTrue();
    }

    @Test
    void anExhaustedEpochRequiresANewProducerId() {
        state.initialize(7L, Short.MAX_VALUE);
        state.onError(P0, Short.MAX_VALUE, state.assignSequence(P0, 1), Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);

        assertThat(state.bumpEpoch()).isFalse();
        assertThat(state.producerIdRequired()).isTrue();
        assertThat(state.isSendable()).isFalse();

        state.initialize(8L, (short) 0);
        assertThat(state.isSendable()).isTrue();
        assertThat(state.epochBumpRequired()).isFalse();
    }

    @Test
    void aRejectedEpochRequiresANewProducerId() {
        state.initialize(7L, (short) 0);

        assertThat(state.onError(P0, (short) 0, state.assignSequence(P0, 1), Errors.INVALID_PRODUCER_EPOCH))
                .isEqualTo(ErrorAction.RETRY);

        assertThat(state.producerIdRequired()).isTrue();
        assertThat(state.isSendable()).isFalse();
    }

    @Test
    void retriableErrorsKeepTheSequence() {
        state.initialize(7L, (short) 0);
        int first = state.assignSequence(P0, 1);

        assertThat(state.onError(P0, (short) 0, first, Errors.NOT_LEADER_OR_FOLLOWER)).isEqualTo(ErrorAction.RETRY);

        assertThat(state.firstUnresolvedSequence(P0)).isEqualTo(first);
        assertThat(state.isSendable()).isTrue();
    }

    @Test
    void aFatalErrorFailsTheBatchAndBumpsTheEpochSoLaterBatchesAreNotStuck() {
        state.initialize(7L, (short) 0);
        int first = state.assignSequence(P0, 1);

        assertThat(state.onError(P0, (short) 0, first, Errors.MESSAGE_TOO_LARGE)).isEqualTo(ErrorAction.FAIL);

        assertThat(state.epochBumpRequired()).isTrue();
    }

    @Test
    void aDuplicateIsResolvedAsSuccess() {
        state.initialize(7L, (short) 0);
        int first = state.assignSequence(P0, 1);

        assertThat(state.onError(P0, (short) 0, first, Errors.DUPLICATE_SEQUENCE_NUMBER))
                .isEqualTo(ErrorAction.DUPLICATE);

        assertThat(state.firstUnresolvedSequence(P0)).isEqualTo(RecordBatch.NO_SEQUENCE);
        assertThat(state.epochBumpRequired()).isFalse();
    }

    @Test
    void abandoningABatchWithASequenceBumpsTheEpochButAnOldEpochBatchDoesNot() {
        state.initialize(7L, (short) 0);
        int old = state.assignSequence(P0, 1);
        state.onError(P0, (short) 0, old, Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
        state.bumpEpoch();

        state.onAbandoned(P0, (short) 0, old);
        assertThat(state.epochBumpRequired()).isFalse();

        state.onAbandoned(P0, (short) 1, state.assignSequence(P0, 1));
        assertThat(state.epochBumpRequired()).isTrue();
    }
}

package io.mq.broker.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.storage.ProducerStateTable.BatchMetadata;
import io.mq.protocol.Errors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ProducerStateTableTest {

    private static final long PID = 7;
    private static final short EPOCH = 1;

    private final ProducerStateTable table = new ProducerStateTable();

    private void record(int first, int last, long baseOffset) {
        table.record(PID, EPOCH, new BatchMetadata(first, last, baseOffset, baseOffset + (last - first), 0));
    }

    @Test
    void sequencesWrapToZeroAfterIntegerMax() {
        record(Integer.MAX_VALUE - 1, Integer.MAX_VALUE, 0);

        assertThat(table.check(PID, EPOCH, 0, 4)).isEqualTo(ProducerStateTable.Verdict.APPEND);
        assertThat(table.check(PID, EPOCH, Integer.MAX_VALUE, Integer.MAX_VALUE).error())
                .isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
    }

    @Test
    void onlyTheLastFiveBatchesAreRecognisedAsDuplicates() {
        for (int i = 0; i < 6; i++) {
            record(i, i, i);
        }

        assertThat(table.check(PID, EPOCH, 0, 0).error()).isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
        assertThat(table.check(PID, EPOCH, 1, 1).duplicate().baseOffset()).isEqualTo(1);
        assertThat(table.check(PID, EPOCH, 5, 5).duplicate().baseOffset()).isEqualTo(5);
    }

    @Test
    void aDuplicateMustMatchBothFirstAndLastSequence() {
        record(0, 4, 0);

        assertThat(table.check(PID, EPOCH, 0, 3).error()).isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
    }

    @Test
    void aNewEpochReplacesTheCachedBatches() {
        record(0, 0, 0);
        table.record(PID, (short) (EPOCH + 1), new BatchMetadata(0, 0, 1, 1, 0));

        assertThat(table.check(PID, EPOCH, 1, 1).error()).isEqualTo(Errors.INVALID_PRODUCER_EPOCH);
        assertThat(table.check(PID, (short) (EPOCH + 1), 0, 0).duplicate().baseOffset()).isEqualTo(1);
    }

    @Test
    void producersWhoseDataIsBelowTheLogStartAreEvicted() {
        record(0, 0, 0);
        table.record(PID + 1, EPOCH, new BatchMetadata(0, 0, 5, 5, 0));

        table.evictBefore(3);

        assertThat(table.producerCount()).isEqualTo(1);
        assertThat(table.check(PID, EPOCH, 9, 9)).isEqualTo(ProducerStateTable.Verdict.APPEND);
    }

    @Test
    void snapshotRoundTripsAndCopiesAreIndependent() throws IOException {
        record(0, 1, 10);
        record(2, 3, 12);
        ProducerStateTable copy = table.copy();
        record(4, 4, 14);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        copy.writeTo(new DataOutputStream(bytes));

        ProducerStateTable read = ProducerStateTable.readFrom(new DataInputStream(
                new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(read.check(PID, EPOCH, 2, 3).duplicate().baseOffset()).isEqualTo(12);
        assertThat(read.check(PID, EPOCH, 4, 4)).isEqualTo(ProducerStateTable.Verdict.APPEND);
        assertThat(table.check(PID, EPOCH, 4, 4).duplicate()).isNotNull();
    }
}

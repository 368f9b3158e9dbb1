package io.mq.benchmarks.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void oddCountTakesTheMiddleValueAndTheExtremes() {
        Summary summary = Summary.of(30.0, 10.0, 20.0);

        assertThat(summary).isEqualTo(new Summary(20.0, 10.0, 30.0, 3));
    }

    @Test
    void evenCountAveragesTheTwoMiddleValues() {
        assertThat(Summary.of(4.0, 1.0, 3.0, 2.0).median()).isEqualTo(2.5);
    }

    @Test
    void singleValueIsItsOwnMedianAndSpread() {
        assertThat(Summary.of(List.of(7.0))).isEqualTo(new Summary(7.0, 7.0, 7.0, 1));
    }

    @Test
    void noValuesAreRejected() {
        assertThatThrownBy(() -> Summary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

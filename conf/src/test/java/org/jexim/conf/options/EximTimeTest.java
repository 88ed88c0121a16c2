package org.jexim.conf.options;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EximTimeTest {
    @Test
    void printsAsReadconfPrinttime() {
        assertThat(EximTime.format(0)).isEqualTo("0s");
        assertThat(EximTime.format(30)).isEqualTo("30s");
        assertThat(EximTime.format(300)).isEqualTo("5m");
        assertThat(EximTime.format(189000)).isEqualTo("2d4h30m");
        assertThat(EximTime.format(6_048_000)).isEqualTo("10w");
        assertThat(EximTime.format(694861)).isEqualTo("1w1d1h1m1s");
        assertThat(EximTime.format(-60)).isEqualTo("-1m");
    }

    @Test
    void readsEveryUnit() {
        assertThat(EximTime.read("1w1d1h1m1s")).isEqualTo(694861);
        assertThat(EximTime.read("5")).isEqualTo(-1);
        assertThat(EximTime.read("m")).isEqualTo(-1);
    }
}

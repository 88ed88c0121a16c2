package org.jexim.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** delay_warning as deliver.c counts it: warnings due by a queue time, and the delay the last one names. */
class DelayScheduleTest {
    @Test
    void theDefaultWarnsDailyAndNamesHoursPastTwoHours() {
        assertThat(DelaySchedule.DEFAULT.due(23 * 3600).count()).isZero();
        DelaySchedule.Due day = DelaySchedule.DEFAULT.due(25 * 3600);
        assertThat(day.count()).isEqualTo(1);
        assertThat(day.words(25 * 3600)).isEqualTo("24 hours");
        DelaySchedule.Due two = DelaySchedule.DEFAULT.due(49 * 3600);
        assertThat(two.count()).isEqualTo(2);
        assertThat(two.words(49 * 3600)).isEqualTo("48 hours");
    }

    @Test
    void afterTheLastTimeWarningsGoOnAtTheLastInterval() {
        DelaySchedule s = DelaySchedule.parse("30m : 1h : 4h");
        assertThat(s.due(29 * 60).count()).isZero();
        assertThat(s.due(45 * 60)).isEqualTo(new DelaySchedule.Due(1, 1800));
        assertThat(s.due(45 * 60).words(45 * 60)).isEqualTo("30 minutes");
        assertThat(s.due(2 * 3600)).isEqualTo(new DelaySchedule.Due(2, 3600));
        assertThat(s.due(4 * 3600)).isEqualTo(new DelaySchedule.Due(3, 4 * 3600));
        // last gap 3h: 7h on the queue is one more warning, naming 7 hours
        assertThat(s.due(7 * 3600)).isEqualTo(new DelaySchedule.Due(4, 7 * 3600));
    }

    @Test
    void zeroTurnsWarningsOff() {
        assertThat(DelaySchedule.parse("0").off()).isTrue();
        assertThat(DelaySchedule.parse("2s").off()).isFalse();
    }
}

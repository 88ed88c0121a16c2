package org.jexim.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jexim.conf.model.RetryRule;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    // example.org  *  F,2h,15m; G,16h,1h,1.5; F,4d,6h   and   *  *  F,1h,10m
    static final RetrySchedule SCHEDULE = new RetrySchedule(List.of(
            new RetryRule("*.example.org", "*", null, List.of(new RetryRule.Parameters('F', 7200, 900, 0),
                    new RetryRule.Parameters('G', 57600, 3600, 1.5), new RetryRule.Parameters('F', 345600, 21600, 0)), null),
            new RetryRule("*", "*", null, List.of(new RetryRule.Parameters('F', 3600, 600, 0)), null)),
            Duration.ofHours(24));

    @Test
    void fixedIntervalsUntilTheFirstCutoff() {
        RetrySchedule.Decision d = SCHEDULE.decide("a@mx.example.org", "*", T0, 0, T0);
        assertThat(d.next()).contains(T0.plusSeconds(900));
        d = SCHEDULE.decide("a@mx.example.org", "*", T0, 900, T0.plusSeconds(7000));
        assertThat(d.next()).contains(T0.plusSeconds(7900));
    }

    @Test
    void geometricIntervalsGrowByTheFactorFromTheFirstInterval() {
        RetrySchedule.Decision d = SCHEDULE.decide("a@mx.example.org", "*", T0, 900, T0.plusSeconds(7200));
        assertThat(d.intervalSeconds()).isEqualTo(3600);
        d = SCHEDULE.decide("a@mx.example.org", "*", T0, 3600, T0.plusSeconds(10800));
        assertThat(d.intervalSeconds()).isEqualTo(5400);
        assertThat(d.next()).contains(T0.plusSeconds(16200));
    }

    @Test
    void pastTheLastCutoffTheAddressFails() {
        assertThat(SCHEDULE.decide("a@mx.example.org", "*", T0, 21600, T0.plusSeconds(345600)).giveUp()).isTrue();
        assertThat(SCHEDULE.decide("b@elsewhere.example", "*", T0, 600, T0.plusSeconds(3600)).giveUp()).isTrue();
        assertThat(SCHEDULE.decide("b@elsewhere.example", "*", T0, 600, T0.plusSeconds(3599)).next())
                .contains(T0.plusSeconds(4199));
    }

    @Test
    void rulesAreTriedInOrderAndNoRuleMeansNoRetry() {
        assertThat(SCHEDULE.find("x@example.org.evil", "*").get().pattern()).isEqualTo("*");
        assertThat(SCHEDULE.find("x@a.example.org", "*").get().pattern()).isEqualTo("*.example.org");
        assertThat(new RetrySchedule(List.of(), Duration.ofHours(24)).decide("a@b", "*", T0, 0, T0).giveUp()).isTrue();
    }

    @Test
    void retryIntervalMaxCapsTheInterval() {
        RetrySchedule capped = new RetrySchedule(List.of(new RetryRule("*", "*", null,
                List.of(new RetryRule.Parameters('F', 864000, 172800, 0)), null)), Duration.ofHours(24));
        assertThat(capped.decide("a@b", "*", T0, 0, T0).intervalSeconds()).isEqualTo(86400);
    }

    @Test
    void anEarlyForcedTryDoesNotMakeTheIntervalsGrow() {
        // Exim's last gap: the shorter of the predicted 3600 s and the 60 s since the last try
        long gap = RetrySchedule.lastGap(3600, T0.plusSeconds(7200), T0.plusSeconds(7260));
        assertThat(gap).isEqualTo(60);
        assertThat(SCHEDULE.decide("a@mx.example.org", "*", T0, gap, T0.plusSeconds(7260)).intervalSeconds()).isEqualTo(3600);
    }

    @Test
    void theHRuleAddsARandomPartOfWhatGWouldAdd() {
        RetrySchedule h = new RetrySchedule(List.of(new RetryRule("*", "*", null,
                List.of(new RetryRule.Parameters('H', 864000, 600, 2)), null)), Duration.ofHours(24));
        assertThat(h.decide("a@b", "*", T0, 0, T0).intervalSeconds()).isEqualTo(600);
        for (int i = 0; i < 50; i++) {
            // last gap 1000: G would give 2000; H gives 600 + between half and all of the 1400 more
            assertThat(h.decide("a@b", "*", T0, 1000, T0.plusSeconds(5000)).intervalSeconds()).isBetween(1300L, 2000L);
        }
    }
}

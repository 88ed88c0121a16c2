package org.jexim.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** smtp_load_reserve: the replies and log lines of Exim's daemon.c and smtp_in.c. */
class LoadReserveCheckTest {
    @Test
    void withoutReserveHostsEveryoneIsRefusedAboveTheLoad() {
        LoadReserveCheck c = new LoadReserveCheck(2.0, false, ip -> false, () -> 3.5);
        assertThat(c.check("192.0.2.1", "mx.example")).contains(new LoadReserveCheck.Refusal("421",
                "Too much load; please try again later.", "Connection from [192.0.2.1] refused: load average = 3.50"));
        assertThat(new LoadReserveCheck(2.0, false, ip -> false, () -> 2.0).check("192.0.2.1", "mx.example")).isEmpty();
    }

    @Test
    void reserveHostsStillGetInAndTheOthersAreToldByTheSession() {
        LoadReserveCheck c = new LoadReserveCheck(1.0, true, ip -> ip.equals("127.0.0.1"), () -> 1.25);
        assertThat(c.check("127.0.0.1", "mx.example")).isEmpty();
        assertThat(c.check("192.0.2.1", "mx.example")).contains(new LoadReserveCheck.Refusal("421",
                "mx.example: Too much load; please try again later",
                "temporarily refused connection from [192.0.2.1]: not in reserve list and load average = 1.25"));
    }

    @Test
    void unsetMeansNoCheck() {
        assertThat(new LoadReserveCheck(-1, false, ip -> false, () -> 99).check("192.0.2.1", "mx")).isEqualTo(Optional.empty());
    }
}

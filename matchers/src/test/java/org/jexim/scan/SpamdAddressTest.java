package org.jexim.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading {@code spamd_address} and choosing among its servers. */
class SpamdAddressTest {
    @Test
    void defaultIsLocalhost783() throws Exception {
        assertThat(SpamdAddress.parse(null)).singleElement().satisfies(s -> {
            assertThat(s.endpoints()).containsExactly(ScanEndpoint.tcp("127.0.0.1", 783));
            assertThat(s.timeoutSeconds()).isEqualTo(120);
            assertThat(s.priority()).isEqualTo(1);
        });
    }

    @Test
    void socketsPortRangesAndOptions() throws Exception {
        List<SpamdServer> servers = SpamdAddress.parse(
                "/var/run/spamd_socket : 192.168.2.10 783-785 pri=5 weight=3 tmo=20s retry=1m time=8.30-17");
        assertThat(servers.get(0).endpoints()).containsExactly(ScanEndpoint.unix("/var/run/spamd_socket"));
        SpamdServer s = servers.get(1);
        assertThat(s.endpoints()).extracting(ScanEndpoint::port).containsExactly(783, 784, 785);
        assertThat(s.priority()).isEqualTo(5);
        assertThat(s.weight()).isEqualTo(3);
        assertThat(s.timeoutSeconds()).isEqualTo(20);
        assertThat(s.retrySeconds()).isEqualTo(60);
        assertThat(s.usableAt(LocalTime.of(12, 0))).isTrue();
        assertThat(s.usableAt(LocalTime.of(18, 0))).isFalse();
    }

    @Test
    void ipv6WithAChangedSeparator() throws Exception {
        assertThat(SpamdAddress.parse("<; ::1 783 ; 127.0.0.1 784")).extracting(x -> x.endpoints().get(0))
                .containsExactly(ScanEndpoint.tcp("::1", 783), ScanEndpoint.tcp("127.0.0.1", 784));
    }

    @Test
    void badOptionsAreErrors() {
        assertThatThrownBy(() -> SpamdAddress.parse("127.0.0.1 783 color=red"))
                .hasMessage("spamd: unhandled option 'color=red'");
        assertThatThrownBy(() -> SpamdAddress.parse("127.0.0.1")).hasMessageContaining("no port");
    }

    @Test
    void higherPriorityIsTriedFirst() throws Exception {
        List<SpamdServer> servers = SpamdAddress.parse("127.0.0.1 1 : 127.0.0.1 2 pri=3 : 127.0.0.1 3 pri=2");
        assertThat(new ServerChooser(new Random(1)).order(servers, LocalTime.NOON))
                .extracting(s -> s.endpoints().get(0).port()).containsExactly(2, 3, 1);
    }
}

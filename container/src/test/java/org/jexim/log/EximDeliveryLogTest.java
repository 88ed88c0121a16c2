package org.jexim.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.jexim.address.AddressItem;
import org.junit.jupiter.api.Test;

class EximDeliveryLogTest {
    private final RecordingSink sink = new RecordingSink();
    private final EximDeliveryLog log = new EximDeliveryLog(new EximLog(LogSelector.defaults(), Optional.empty(), sink),
        Optional.empty(), transport -> !transport.equals("remote_smtp"));

    @Test
    void linesAsEximWritesThemForLocalRemoteAndAliasedAddresses() {
        AddressItem postmaster = AddressItem.of("postmaster@test.example");
        log.delivered("1xUxkK-0006cq-0f", postmaster.child("b", "test.example"), "local", "mbox");
        log.delivered("1xUxl7-00088O-1r", AddressItem.of("c@other.test"), "local", "mbox");
        log.delivered("1xUxl7-00088O-1r", AddressItem.of("x@remote.example"), "dnslookup", "remote_smtp");
        log.deferred("1xUxkK-0006cq-0f", AddressItem.of("later@test.example"), "local", "mbox", "try again later");
        log.failed("1xUxkK-0006cq-0f", AddressItem.of("nobody@test.example"), "failing", null, "no such user here");
        assertThat(sink.main).containsExactly(
            "1xUxkK-0006cq-0f => b <postmaster@test.example> R=local T=mbox",
            "1xUxl7-00088O-1r => c <c@other.test> R=local T=mbox",
            "1xUxl7-00088O-1r => x@remote.example R=dnslookup T=remote_smtp",
            "1xUxkK-0006cq-0f == later@test.example R=local T=mbox defer (-1): try again later",
            "1xUxkK-0006cq-0f ** nobody@test.example R=failing: no such user here");
    }
}

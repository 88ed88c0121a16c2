package org.jexim.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exim's order of failures in one attempt; each expectation is what exim4 -odi logged and listed. */
class FailureOrderTest {
    static Failure routing(String address, String top, int depth, long seen) {
        return new Failure("s@x", new FailedAddress(address, top.equals(address) ? null : top, false, "m"), depth, top, null, seen);
    }

    static Failure transport(String address, String where, long seen) {
        return new Failure("s@x", new FailedAddress(address, null, false, "m"), 0, address, where, seen);
    }

    static List<String> order(List<Failure> failures, List<String> recipients) {
        return FailureOrder.sort(failures, recipients).stream().map(f -> f.address().address()).toList();
    }

    @Test
    void routingFailsTopLevelRecipientsLastToFirstThenTheirChildren() {
        // exim4 -odi alias nobody unknown2 unknown: ** unknown, ** unknown2, ** nobody, ** nosuch
        List<String> rcpt = List.of("alias@d", "nobody@d", "unknown2@d", "unknown@d");
        List<Failure> seenByJexim = List.of(routing("nobody@d", "nobody@d", 0, 1), routing("nosuch@e", "alias@d", 1, 2),
                routing("unknown2@d", "unknown2@d", 0, 3), routing("unknown@d", "unknown@d", 0, 4));
        assertThat(order(seenByJexim, rcpt)).containsExactly("unknown@d", "unknown2@d", "nobody@d", "nosuch@e");
    }

    @Test
    void transportsFailAfterRoutingInRecipientOrder() {
        // exim4 -odi pf-a pf-b nobody: ** nobody, ** pf-a, ** pf-b
        List<String> rcpt = List.of("pf-a@d", "pf-b@d", "nobody@d");
        List<Failure> seenByJexim = List.of(transport("pf-b@d", "local", 1), routing("nobody@d", "nobody@d", 0, 2),
                transport("pf-a@d", "local", 3));
        assertThat(order(seenByJexim, rcpt)).containsExactly("nobody@d", "pf-a@d", "pf-b@d");
    }

    @Test
    void remoteFailuresComeAfterLocalOnes() {
        List<String> rcpt = List.of("r@remote", "pf-a@d");
        assertThat(order(List.of(transport("r@remote", "remote", 1), transport("pf-a@d", "local", 2)), rcpt))
                .containsExactly("pf-a@d", "r@remote");
    }
}

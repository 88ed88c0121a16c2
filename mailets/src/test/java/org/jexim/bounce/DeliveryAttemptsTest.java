package org.jexim.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.Test;

/** What one delivery attempt holds is released once, when its last mail is done. */
class DeliveryAttemptsTest {
    final DeliveryAttempts attempts = new DeliveryAttempts();
    final List<String> released = new ArrayList<>();

    DeliveryAttempts.Release<String> release() {
        return (held, recipients) -> released.add(held + " of " + recipients);
    }

    @Test
    void failuresOfTheMailAndItsCopiesComeOutTogetherAfterTheLastOne() throws Exception {
        FakeMail root = FakeMail.builder().name("m1").recipients("a@d", "b@d", "c@d").build();
        String key = attempts.begin(root);
        FakeMail copy = FakeMail.builder().name("m1-copy").recipients("b@d").build();
        copy.setAttribute(root.getAttribute(DeliveryAttempts.KEY).orElseThrow());
        attempts.copied(copy);

        assertThat(attempts.hold(root, "bounce", "a failed", release())).isTrue();
        attempts.ended(key);                      // the root is done, its copy is not
        assertThat(released).isEmpty();
        assertThat(attempts.begin(copy)).isEqualTo(key); // the spool hands the copy out: same attempt
        assertThat(attempts.hold(copy, "bounce", "b failed", release())).isTrue();
        attempts.ended(key);
        assertThat(released).containsExactly("[a failed, b failed] of [a@d, b@d, c@d]");
        attempts.ended(key);                      // nothing more to release
        assertThat(released).hasSize(1);
    }

    @Test
    void aMailInNoAttemptUnderWayHoldsNothing() throws Exception {
        FakeMail mail = FakeMail.builder().name("m2").recipients("a@d").build();
        assertThat(attempts.hold(mail, "bounce", "x", release())).isFalse();
        String key = attempts.begin(mail);
        attempts.ended(key);
        assertThat(attempts.hold(mail, "bounce", "x", release())).isFalse(); // over: a late failure is not lost in a dead attempt
    }

    @Test
    void aMailLeftForALaterRetryStartsAFreshAttemptWhenHandedOutAgain() throws Exception {
        FakeMail mail = FakeMail.builder().name("m3").recipients("a@d").build();
        String first = attempts.begin(mail);
        DeliveryAttempts.leave(mail);
        attempts.ended(first);
        assertThat(attempts.begin(mail)).isNotEqualTo(first);
    }
}

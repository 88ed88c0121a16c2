package org.jexim.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The line formats, pinned to lines the real Exim 4.96 wrote (exim4 -odi and -bs deliveries to
 * mbox and maildir with a scratch configure; timestamps cut off).
 */
class LogLinesTest {
    private static final LogSelector DEFAULTS = LogSelector.defaults();
    private static final LogSelector SUBJECT_AND_RECIPIENTS = LogSelector.parse("+subject +received_recipients");
    private static final SmtpPeer CLIENT = SmtpPeer.of("192.0.2.1", 4321).withVerifiedName("client.example")
        .withHelo("client.example").withIdent("root");

    @Test
    void arrivalOfALocalMessage() {
        assertThat("1xUxkK-0006cq-0f " + Arrival.local("1xUxkK-0006cq-0f", "a@x.org", "root", "local", 279).format(DEFAULTS))
            .isEqualTo("1xUxkK-0006cq-0f <= a@x.org U=root P=local S=279");
    }

    @Test
    void arrivalOverSmtpWithVerifiedHost() {
        assertThat(Arrival.smtp("1xUxkK-0006du-1S", "a@x.org", CLIENT, "esmtp", 232).format(DEFAULTS))
            .isEqualTo("<= a@x.org H=client.example [192.0.2.1] U=root P=esmtp S=232");
    }

    @Test
    void arrivalOfABounceWithMessageIdSubjectAndRecipients() {
        SmtpPeer literal = SmtpPeer.of("192.0.2.1", 4321).withHelo("[192.0.2.9]").withIdent("root");
        assertThat(Arrival.smtp("1xUxl7-00088T-27", "", literal, "esmtp", 224).withMessageId("<x@y>")
            .withSubject("a \"quoted\" subject").withRecipients(List.of("c@test.example")).format(SUBJECT_AND_RECIPIENTS))
            .isEqualTo("<= <> H=([192.0.2.9]) [192.0.2.1] U=root P=esmtp S=224 id=x@y T=\"a \\\"quoted\\\" subject\" for c@test.example");
        assertThat(Arrival.local("1xUxl7-00088O-1r", "a@x.org", "root", "local", 239).withMessageId("<abc.123@x.org>")
            .withSubject("ok").withRecipients(List.of("c@other.test", "m@test.example")).format(SUBJECT_AND_RECIPIENTS))
            .isEqualTo("<= a@x.org U=root P=local S=239 id=abc.123@x.org T=\"ok\" for c@other.test m@test.example");
    }

    @Test
    void arrivalOfALocallyGeneratedBounce() {
        assertThat(Arrival.local("1xUxkK-0006dE-0x", "", "root", "local", 1480).withBounceOf("1xUxkK-0006cq-0f").format(DEFAULTS))
            .isEqualTo("<= <> R=1xUxkK-0006cq-0f U=root P=local S=1480");
    }

    @Test
    void arrivalOverTlsWithAuthentication() {
        SmtpPeer peer = SmtpPeer.of("192.0.2.1", 4321).withHelo("laptop");
        assertThat(Arrival.smtp("id", "u@x.org", peer, "esmtpsa", 1000)
            .withTls("TLS1.3:TLS_AES_256_GCM_SHA384:256", false).withAuthenticator("plain:u").format(DEFAULTS))
            .isEqualTo("<= u@x.org H=(laptop) [192.0.2.1] P=esmtpsa X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no A=plain:u S=1000");
    }

    @Test
    void hostFieldForms() {
        assertThat(SmtpPeer.of("192.0.2.1", 25).hostField(false)).isEqualTo("H=[192.0.2.1]");
        assertThat(SmtpPeer.of("192.0.2.1", 25).withVerifiedName("a.example").withHelo("b.example").hostField(true))
            .isEqualTo("H=a.example (b.example) [192.0.2.1]:25");
    }

    @Test
    void localDeliveryShowsTheLocalPartAndTheOriginalAddress() {
        assertThat(deliveredLine(Delivery.local("1xUxkK-0006cq-0f", "b@test.example", "postmaster@test.example", "local", "mbox")))
            .isEqualTo("=> b <postmaster@test.example> R=local T=mbox");
        assertThat(deliveredLine(Delivery.local("1xUxl7-00088O-1r", "c@other.test", "c@other.test", "local", "mbox")))
            .isEqualTo("=> c <c@other.test> R=local T=mbox");
    }

    @Test
    void deliverySizeAndQueueTimeOverallAsEximWritesThem() {
        // exim4 with +delivery_size +queue_time_overall: "=> mbox <mbox@x> R=mbox T=mbox S=340",
        // "=> chunk@remote.example R=rem2 T=chunk S=310 H=127.0.0.1 [127.0.0.1] C=...", "Completed QT=0s"
        RecordingSink sink = new RecordingSink();
        EximLog log = new EximLog(LogSelector.parse("+delivery_size +queue_time_overall -smtp_confirmation"),
            java.util.Optional.empty(), sink);
        log.delivered(Delivery.local("1xVCll-0006FO-1s", "mbox@x", "mbox@x", "mbox", "mbox").withSize(340));
        log.delivered(Delivery.remote("1xVCll-0006FO-1s", "chunk@remote.example", "rem2", "chunk", "127.0.0.1", "127.0.0.1")
            .withSize(310));
        String arrivedLongAgo = org.jexim.queue.EximMessageId.next(java.time.Instant.now().minusSeconds(3725));
        log.completed(arrivedLongAgo);
        assertThat(sink.main).containsExactly("1xVCll-0006FO-1s => mbox <mbox@x> R=mbox T=mbox S=340",
            "1xVCll-0006FO-1s => chunk@remote.example R=rem2 T=chunk S=310 H=127.0.0.1 [127.0.0.1]",
            arrivedLongAgo + " Completed QT=1h2m5s");
    }

    @Test
    void remoteDeliveryShowsHostAndConfirmation() {
        assertThat(deliveredLine(Delivery.remote("id", "monk@holistic.fict.example", "dnslookup", "remote_smtp",
            "holistic.fict.example", "192.168.234.234").withConfirmation("250 OK id=1xUxkK-0006cq-0f")))
            .isEqualTo("=> monk@holistic.fict.example R=dnslookup T=remote_smtp H=holistic.fict.example [192.168.234.234]"
                + " C=\"250 OK id=1xUxkK-0006cq-0f\"");
    }

    @Test
    void deferralAndFailureLines() {
        RecordingSink sink = new RecordingSink();
        EximLog log = new EximLog(DEFAULTS, java.util.Optional.empty(), sink);
        log.deferred(Delivery.routed("1xUxkK-0006cq-0f", "later@test.example", "deferring"), -1, "try again later");
        log.failed(Delivery.routed("1xUxkK-0006cq-0f", "nobody@test.example", "failing"), "no such user here");
        log.deferred(Delivery.routed("1xUxk2-00066A-30", "b@test.example", "local").withTransport("mbox"), -29,
            "User 0 set for mbox transport is on the fixed_never_users list");
        log.completed("1xUxkK-0006dE-0x");
        assertThat(sink.main).containsExactly(
            "1xUxkK-0006cq-0f == later@test.example R=deferring defer (-1): try again later",
            "1xUxkK-0006cq-0f ** nobody@test.example R=failing: no such user here",
            "1xUxk2-00066A-30 == b@test.example R=local T=mbox defer (-29): User 0 set for mbox transport is on the fixed_never_users list",
            "1xUxkK-0006dE-0x Completed");
    }

    @Test
    void rejectionLinesGoToMainAndRejectLogs() {
        RecordingSink sink = new RecordingSink();
        EximLog log = new EximLog(DEFAULTS, java.util.Optional.empty(), sink);
        log.rejectedRcpt(CLIENT, "a@x.org", "spammer@test.example", "go away");
        log.rejectedMail(SmtpPeer.of("192.0.2.1", 4321).withHelo("[192.0.2.9]").withIdent("root"), "bad@x.org", "bad sender");
        assertThat(sink.main).containsExactly(
            "H=client.example [192.0.2.1] U=root F=<a@x.org> rejected RCPT <spammer@test.example>: go away",
            "H=([192.0.2.9]) [192.0.2.1] U=root rejected MAIL <bad@x.org>: bad sender");
        assertThat(sink.reject).isEqualTo(sink.main);
    }

    @Test
    void afterDataRejectionPutsEnvelopeAndHeadersInTheRejectLog() {
        RecordingSink sink = new RecordingSink();
        EximLog log = new EximLog(DEFAULTS, java.util.Optional.empty(), sink);
        log.rejectedAfterData("1xUxk2-00066A-35", CLIENT, "a@x.org", List.of("b@test.example"),
            List.of("Received: from client.example ([192.0.2.1] ident=root)\r\n\tby test.example with esmtp (Exim 4.96)\r\n",
                "Subject: reject-me\r\n"), "content rejected");
        assertThat(sink.main).containsExactly(
            "1xUxk2-00066A-35 H=client.example [192.0.2.1] U=root F=<a@x.org> rejected after DATA: content rejected");
        assertThat(sink.reject).containsExactly(
            "1xUxk2-00066A-35 H=client.example [192.0.2.1] U=root F=<a@x.org> rejected after DATA: content rejected\n"
                + "Envelope-from: <a@x.org>\n"
                + "Envelope-to: <b@test.example>\n"
                + "P Received: from client.example ([192.0.2.1] ident=root)\n\tby test.example with esmtp (Exim 4.96)\n"
                + "  Subject: reject-me");
    }

    @Test
    void logSelectorRejectsUnknownItemsAsEximDoes() {
        assertThat(LogSelector.parse("-msg_id +subject").has("msg_id")).isFalse();
        assertThat(LogSelector.parse("+all").has("subject")).isTrue();
        assertThatThrownBy(() -> LogSelector.parse("+nonsense")).hasMessageContaining("+nonsense");
    }

    private static String deliveredLine(Delivery d) {
        RecordingSink sink = new RecordingSink();
        EximLog log = new EximLog(DEFAULTS, java.util.Optional.empty(), sink);
        log.delivered(d);
        String line = sink.main.get(0);
        return line.substring(line.indexOf(' ') + 1);
    }
}

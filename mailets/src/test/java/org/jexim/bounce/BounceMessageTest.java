package org.jexim.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounce Exim 4.96 wrote for three failed recipients (captured from exim4 -bd), byte for byte. */
class BounceMessageTest {
    static final String ORIGINAL = "Received: from [127.0.0.1] (helo=vm)\r\n\tby delivery.example with esmtp (Exim 4.96)\r\n"
            + "\tid 1xUyxt-00049D-23;\r\n\tSun, 22 Nov 2026 04:14:09 +0000\r\nSubject: test one\r\n"
            + "Message-ID: <m1@example.org>\r\n\r\nFrom the start\r\nend\r\n\r\n";

    @Test
    void threeFailuresInEximsOrderWithTheReturnedMessage() {
        List<FailedAddress> failed = List.of(new FailedAddress("unknown@delivery.example", null, false, "Unrouteable address"),
                new FailedAddress("nobody@delivery.example", null, false, "no such mailbox here"),
                new FailedAddress("nosuch@elsewhere.example", "alias@delivery.example", false, "Unrouteable address"));
        byte[] bounce = new BounceMessage("delivery.example", "delivery.example").build("md-s@delivery.example", failed,
                ORIGINAL.getBytes(StandardCharsets.US_ASCII), ZonedDateTime.parse("2026-11-22T04:14:09Z"),
                "1795320849-eximdsn-739138222", "1xUyxt-00049I-2K", "Debian-exim");
        assertThat(new String(bounce, StandardCharsets.US_ASCII)).isEqualTo("""
                Received: from Debian-exim by delivery.example with local (Exim 4.96)
                \tid 1xUyxt-00049I-2K
                \tfor md-s@delivery.example;
                \tSun, 22 Nov 2026 04:14:09 +0000
                X-Failed-Recipients: nosuch@elsewhere.example,
                  nobody@delivery.example,
                  unknown@delivery.example
                Auto-Submitted: auto-replied
                From: Mail Delivery System <Mailer-Daemon@delivery.example>
                To: md-s@delivery.example
                References: <m1@example.org>
                Content-Type: multipart/report; report-type=delivery-status; boundary=1795320849-eximdsn-739138222
                MIME-Version: 1.0
                Subject: Mail delivery failed: returning message to sender
                Message-Id: <E1xUyxt-00049I-2K@delivery.example>
                Date: Sun, 22 Nov 2026 04:14:09 +0000

                --1795320849-eximdsn-739138222
                Content-type: text/plain; charset=us-ascii

                This message was created automatically by mail delivery software.

                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:

                  nosuch@elsewhere.example
                    (generated from alias@delivery.example)
                    Unrouteable address
                  nobody@delivery.example
                    no such mailbox here
                  unknown@delivery.example
                    Unrouteable address

                --1795320849-eximdsn-739138222
                Content-type: message/delivery-status

                Reporting-MTA: dns; delivery.example

                Action: failed
                Final-Recipient: rfc822;unknown@delivery.example
                Status: 5.0.0

                Action: failed
                Final-Recipient: rfc822;nobody@delivery.example
                Status: 5.0.0

                Action: failed
                Final-Recipient: rfc822;alias@delivery.example
                Status: 5.0.0

                --1795320849-eximdsn-739138222
                Content-type: message/rfc822

                Return-path: <md-s@delivery.example>
                Received: from [127.0.0.1] (helo=vm)
                \tby delivery.example with esmtp (Exim 4.96)
                \tid 1xUyxt-00049D-23;
                \tSun, 22 Nov 2026 04:14:09 +0000
                Subject: test one
                Message-ID: <m1@example.org>

                From the start
                end


                --1795320849-eximdsn-739138222--
                """);
    }

    @Test
    void aCommandsOutputFollowsTheAddressListAsEximReturnsIt() {
        byte[] bounce = new BounceMessage("delivery.example", "delivery.example").build("s@example.org",
                List.of(new FailedAddress("pf-a@delivery.example", null, false, "local delivery failed", "no such user here\n", null, null)),
                ORIGINAL.getBytes(StandardCharsets.US_ASCII), ZonedDateTime.parse("2026-11-22T04:14:09Z"), "B", "ID", "root");
        assertThat(new String(bounce, StandardCharsets.US_ASCII)).contains("""
                failed:

                  pf-a@delivery.example
                    local delivery failed

                The following text was generated during the delivery attempt:

                ------ pf-a@delivery.example ------

                no such user here

                --B
                Content-type: message/delivery-status
                """);
    }

    @Test
    void oneAttemptsFailuresInOneBounceAsExim4OdiListedThem() {
        // exim4 -odi -f md-s unknown pf-a alias pf-b nobody: pipes pf-a and pf-b exit 67 with output
        List<String> rcpt = List.of("unknown@delivery.example", "pf-a@delivery.example", "alias@delivery.example",
                "pf-b@delivery.example", "nobody@delivery.example");
        List<Failure> seen = List.of(
                new Failure("md-s@delivery.example", new FailedAddress("nobody@delivery.example", null, false,
                        "no such mailbox here"), 0, "nobody@delivery.example", null, 1),
                new Failure("md-s@delivery.example", new FailedAddress("pf-b@delivery.example", null, false,
                        "local delivery failed", "no such user here\n", null, null), 0, "pf-b@delivery.example", "local", 2),
                new Failure("md-s@delivery.example", new FailedAddress("nosuch@elsewhere.example", "alias@delivery.example",
                        false, "Unrouteable address"), 1, "alias@delivery.example", null, 3),
                new Failure("md-s@delivery.example", new FailedAddress("pf-a@delivery.example", null, false,
                        "local delivery failed", "no such user here\n", null, null), 0, "pf-a@delivery.example", "local", 4),
                new Failure("md-s@delivery.example", new FailedAddress("unknown@delivery.example", null, false,
                        "Unrouteable address"), 0, "unknown@delivery.example", null, 5));
        List<FailedAddress> failed = FailureOrder.sort(seen, rcpt).stream().map(Failure::address).toList();
        String bounce = new String(new BounceMessage("delivery.example", "delivery.example").build("md-s@delivery.example",
                failed, ORIGINAL.getBytes(StandardCharsets.US_ASCII), ZonedDateTime.parse("2026-11-22T04:14:09Z"), "B",
                "1xUyxt-00049I-2K", "Debian-exim"), StandardCharsets.US_ASCII);
        assertThat(bounce).contains("""
                X-Failed-Recipients: pf-b@delivery.example,
                  pf-a@delivery.example,
                  nosuch@elsewhere.example,
                  unknown@delivery.example,
                  nobody@delivery.example
                """, """
                recipients. This is a permanent error. The following address(es) failed:

                  pf-b@delivery.example
                    local delivery failed
                  pf-a@delivery.example
                    local delivery failed
                  nosuch@elsewhere.example
                    (generated from alias@delivery.example)
                    Unrouteable address
                  unknown@delivery.example
                    Unrouteable address
                  nobody@delivery.example
                    no such mailbox here

                The following text was generated during the delivery attempts:

                ------ pf-b@delivery.example ------

                no such user here

                ------ pf-a@delivery.example ------

                no such user here

                --B
                Content-type: message/delivery-status

                Reporting-MTA: dns; delivery.example

                Action: failed
                Final-Recipient: rfc822;pf-a@delivery.example
                Status: 5.0.0

                Action: failed
                Final-Recipient: rfc822;pf-b@delivery.example
                Status: 5.0.0

                Action: failed
                Final-Recipient: rfc822;nobody@delivery.example
                Status: 5.0.0

                Action: failed
                Final-Recipient: rfc822;unknown@delivery.example
                Status: 5.0.0

                Action: failed
                Final-Recipient: rfc822;alias@delivery.example
                Status: 5.0.0

                --B
                Content-type: message/rfc822
                """);
    }

    @Test
    void retHdrsEnvidAndOrcptAsExim4WroteThem() {
        // exim4 -bs: MAIL RET=HDRS ENVID=abc+2Bdef, RCPT no-x NOTIFY=FAILURE ORCPT=rfc822;No-X+2B@..., RCPT no-y
        // in the order Exim failed them: the last RCPT first
        List<FailedAddress> failed = List.of(new FailedAddress("no-y@delivery.example", null, false, "Unrouteable address"),
                new FailedAddress("no-x@delivery.example", null, false, "Unrouteable address", null, null, null,
                        "rfc822;No-X+2B@delivery.example"));
        String bounce = new String(new BounceMessage("delivery.example", "delivery.example").build("s@delivery.example",
                failed, ORIGINAL.getBytes(StandardCharsets.US_ASCII), ZonedDateTime.parse("2026-11-22T04:14:09Z"), "B",
                "1xUyxt-00049I-2K", "Debian-exim", new DsnEnvelope("abc+2Bdef", "HDRS")), StandardCharsets.US_ASCII);
        assertThat(bounce).contains("""
                Content-type: message/delivery-status

                Reporting-MTA: dns; delivery.example
                Original-Envelope-ID: abc+2Bdef

                Action: failed
                Final-Recipient: rfc822;no-y@delivery.example
                Status: 5.0.0

                Original-Recipient: rfc822;No-X+2B@delivery.example
                Action: failed
                Final-Recipient: rfc822;no-x@delivery.example
                Status: 5.0.0

                --B
                Content-type: text/rfc822-headers

                Return-path: <s@delivery.example>
                Received: from [127.0.0.1] (helo=vm)
                """).endsWith("Message-ID: <m1@example.org>\n\n\n--B--\n");
    }

    @Test
    void idsHaveEximsShape() {
        assertThat(BounceIds.next(ZonedDateTime.parse("2026-11-22T04:14:09.999999Z"))).matches("[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}");
    }
}

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
    void idsHaveEximsShape() {
        assertThat(BounceIds.next(ZonedDateTime.parse("2026-11-22T04:14:09.999999Z"))).matches("[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}");
    }
}

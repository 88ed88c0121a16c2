package org.jexim.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The success DSN exim4 -bs -odi sent for "MAIL FROM:<s@delivery.example> RET=HDRS ENVID=abc+2Bdef",
 * "RCPT TO:<a@delivery.example> NOTIFY=SUCCESS,DELAY ORCPT=rfc822;A+2Bx@delivery.example", delivered
 * by an appendfile transport (captured for this test; ids, dates and boundary fixed).
 */
class SuccessDsnMessageTest {
    static final String ORIGINAL = "Received: from root (helo=x)\n\tby delivery.example with local-esmtp (Exim 4.96)\n"
            + "\t(envelope-from <s@delivery.example>)\n\tid 1xV3j1-00032i-36;\n\tSun, 22 Nov 2026 09:19:08 +0000\n"
            + "Subject: t\nMessage-Id: <m1@x>\nFrom: s@delivery.example\nDate: Sun, 22 Nov 2026 09:19:07 +0000\n\nx\n";

    @Test
    void asExim4WroteIt() {
        byte[] dsn = new SuccessDsnMessage("delivery.example", "delivery.example").build("s@delivery.example",
                List.of(new SuccessDsnMessage.Delivered("a@delivery.example", "rfc822;A+2Bx@delivery.example")),
                ORIGINAL.getBytes(StandardCharsets.US_ASCII), new DsnEnvelope("abc+2Bdef", "HDRS"),
                ZonedDateTime.parse("2026-11-22T09:19:08Z"), "1795339148-eximdsn-914933990", "1xV3j2-00032o-1D",
                "Debian-exim");
        assertThat(new String(dsn, StandardCharsets.US_ASCII)).isEqualTo("""
                Received: from Debian-exim by delivery.example with local (Exim 4.96)
                \tid 1xV3j2-00032o-1D
                \tfor s@delivery.example;
                \tSun, 22 Nov 2026 09:19:08 +0000
                From: Mail Delivery System <Mailer-Daemon@delivery.example>
                Auto-Submitted: auto-generated
                To: s@delivery.example
                Subject: Delivery Status Notification
                References: <m1@x>
                Content-Type: multipart/report; report-type=delivery-status; boundary=1795339148-eximdsn-914933990
                MIME-Version: 1.0
                Message-Id: <E1xV3j2-00032o-1D@delivery.example>
                Date: Sun, 22 Nov 2026 09:19:08 +0000

                --1795339148-eximdsn-914933990
                Content-type: text/plain; charset=us-ascii

                This message was created automatically by mail delivery software.
                 ----- The following addresses had successful delivery notifications -----
                <a@delivery.example> (relayed via non "Remote SMTP" router)

                --1795339148-eximdsn-914933990
                Content-type: message/delivery-status

                Reporting-MTA: dns; delivery.example
                Original-Envelope-ID: abc+2Bdef

                Original-Recipient: rfc822;A+2Bx@delivery.example
                Action: delivered
                Final-Recipient: rfc822;a@delivery.example
                Status: 2.0.0
                Diagnostic-Code: X-Exim; relayed via non SMTP router

                --1795339148-eximdsn-914933990
                Content-type: text/rfc822-headers

                Return-path: <s@delivery.example>
                Received: from root (helo=x)
                \tby delivery.example with local-esmtp (Exim 4.96)
                \t(envelope-from <s@delivery.example>)
                \tid 1xV3j1-00032i-36;
                \tSun, 22 Nov 2026 09:19:08 +0000
                Subject: t
                Message-Id: <m1@x>
                From: s@delivery.example
                Date: Sun, 22 Nov 2026 09:19:07 +0000


                --1795339148-eximdsn-914933990--
                """);
    }
}

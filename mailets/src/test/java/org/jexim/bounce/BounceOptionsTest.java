package org.jexim.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bounce options as Exim 4.96 applies them; each expected text is what exim4 -odi wrote for
 * the same message and option (captured for this test, the boundary and ids fixed).
 */
class BounceOptionsTest {
    static final String ORIGINAL = "Subject: t\nMessage-Id: <m1@x>\nFrom: snd@delivery.example\n\nhello world body\n";
    static final List<FailedAddress> FAILED = List.of(new FailedAddress("nobody@delivery.example", null, false,
            "no such mailbox here"));

    static String bounce(BounceOptions options, String original) {
        return new String(new BounceMessage("delivery.example", "delivery.example", options).build("snd@delivery.example",
                FAILED, original.getBytes(StandardCharsets.ISO_8859_1), ZonedDateTime.parse("2026-11-22T06:44:13Z"), "B",
                "1xV1J7-00013Z-1R", "root"), StandardCharsets.ISO_8859_1);
    }

    static String part(String bounce, int from) {
        return bounce.substring(bounce.indexOf("X-Failed-Recipients"));
    }

    @Test
    void errorsReplyToAndBounceMessageText() {
        String b = bounce(new BounceOptions(null, "Extra text here.\\n", "postmaster@delivery.example", true, 102400, 998),
                ORIGINAL);
        assertThat(b).contains("""
                X-Failed-Recipients: nobody@delivery.example
                Reply-To: postmaster@delivery.example
                Auto-Submitted: auto-replied
                """, """
                This message was created automatically by mail delivery software.
                Extra text here.\\n
                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:
                """);
    }

    @Test
    void noBodyReturnsTheHeadersAsTextRfc822Headers() {
        assertThat(bounce(new BounceOptions(null, null, null, false, 102400, 998), ORIGINAL)).endsWith("""
                --B
                Content-type: text/rfc822-headers

                Return-path: <snd@delivery.example>
                Subject: t
                Message-Id: <m1@x>
                From: snd@delivery.example


                --B--
                """);
    }

    @Test
    void aMessageOverTheRoundedSizeLimitReturnsHeadersWithEximsNote() {
        String big = ORIGINAL + ("x".repeat(70) + "\n").repeat(130);
        assertThat(bounce(new BounceOptions(null, null, null, true, 10, 998), big)).endsWith("""
                --B
                Content-type: text/rfc822-headers

                Return-path: <snd@delivery.example>
                Subject: t
                Message-Id: <m1@x>
                From: snd@delivery.example
                X-Exim-DSN-Information: Due to administrative limits only headers are returned


                --B--
                """);
        // the limit is rounded up to Exim's 8 KiB buffers: a small message comes back whole
        assertThat(bounce(new BounceOptions(null, null, null, true, 10, 998), ORIGINAL))
                .endsWith("Content-type: message/rfc822\n\nReturn-path: <snd@delivery.example>\n" + ORIGINAL + "\n--B--\n");
    }

    @Test
    void aTemplateFileGivesTheHeadersAndTheIntro() {
        List<String> sections = BounceOptions.sections("Subject: Custom bounce subject\nX-Custom: yes\n****\n"
                + "This is the custom intro.\n****\nGenerated text follows:\n****\nHere is the message copy:\n****\nfinal text\n");
        String b = bounce(new BounceOptions(sections, null, null, true, 102400, 998), ORIGINAL);
        assertThat(b).contains("""
                MIME-Version: 1.0
                Subject: Custom bounce subject
                X-Custom: yes
                Message-Id: <E1xV1J7-00013Z-1R@delivery.example>
                """, """
                Content-type: text/plain; charset=us-ascii

                This is the custom intro.

                  nobody@delivery.example
                    no such mailbox here

                --B
                """);
    }
}

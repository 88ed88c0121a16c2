package org.jexim.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.server.core.MailImpl;
import org.jexim.conf.lists.NamedLists;
import org.junit.jupiter.api.Test;

/**
 * What an untrusted caller gets (spec 5.2 and 48.16; exim.c and receive.c): -f and -oM* are
 * ignored, the sender is the caller's login, an existing Sender: goes, and a Sender: naming the
 * caller is added when From: is not theirs; the name comes from the gecos field through
 * gecos_pattern/gecos_name. (exim4 cannot be run as an untrusted user with -C here, so these are
 * pinned from the spec and the source rather than side by side.)
 */
class UntrustedSubmissionTest {
    private static final Caller ALICE = new Caller("alice", 1000, 1000, List.of(), "Alice Smith,Room 1,,");
    private final List<MailImpl> spooled = new ArrayList<>();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private LocalSubmission submission(Map<String, String> options) {
        SubmitSettings settings = new SubmitSettings(options, "host.example");
        return new LocalSubmission(settings, new NotSmtpAcl(null, Optional.empty(), Optional.empty()),
            LocalSubmission.contexts(null, options, NamedLists.NONE), spooled::add, ALICE,
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static SubmitRequest request(Optional<String> sender, Optional<String> hostAddress, String... recipients) {
        return new SubmitRequest(List.of(recipients), false, true, sender, Optional.empty(),
            SubmitRequest.DeliveryMode.QUEUE, SubmitRequest.ErrorMode.STDERR, false, hostAddress, Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private String headers(MailImpl mail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.getMessage().writeTo(out);
        String text = out.toString(StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        return text.substring(0, text.indexOf("\n\n") + 1);
    }

    @Test
    void anUntrustedMinusFIsIgnoredAndAForeignFromGetsASender() throws Exception {
        LocalSubmission.Outcome outcome = submission(Map.of("gecos_pattern", "^([^,:]*)", "gecos_name", "$1"))
            .submit(request(Optional.of("boss@corp.example"), Optional.of("192.0.2.1"), "bob"),
                new ByteArrayInputStream("From: boss@corp.example\nSender: boss@corp.example\nSubject: s\n\nb\n"
                    .getBytes(StandardCharsets.US_ASCII)));
        assertThat(outcome.status()).isZero();
        MailImpl mail = spooled.get(0);
        assertThat(mail.getMaybeSender().asString()).isEqualTo("alice@host.example");
        String h = headers(mail);
        assertThat(h).startsWith("Received: from alice by host.example with local (Exim 4.96)\n"
            + "\t(envelope-from <alice@host.example>)\n");
        assertThat(h).doesNotContain("Sender: boss@corp.example").doesNotContain("192.0.2.1")
            .contains("From: boss@corp.example\nSubject: s\nMessage-Id: <E")
            .contains("\nSender: Alice Smith <alice@host.example>\nDate: ");
    }

    @Test
    void anUntrustedCallersOwnFromNeedsNoSender() throws Exception {
        submission(Map.of()).submit(request(Optional.empty(), Optional.empty(), "bob@host.example"),
            new ByteArrayInputStream("From: Alice <alice@host.example>\nSubject: s\n\nb\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(headers(spooled.get(0))).doesNotContain("Sender:");
    }

    @Test
    void withoutFromTheGecosNameIsQuotedAsAPhraseWhenNoPatternIsSet() throws Exception {
        submission(Map.of()).submit(request(Optional.empty(), Optional.empty(), "bob"),
            new ByteArrayInputStream("Subject: s\n\nb\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(headers(spooled.get(0))).contains("\nFrom: \"Alice Smith,Room 1,,\" <alice@host.example>\n")
            .doesNotContain("Sender:");
    }

    @Test
    void untrustedSetSenderLetsTheCallerChooseTheEnvelopeSender() throws Exception {
        submission(Map.of("untrusted_set_sender", "*@corp.example")).submit(
            request(Optional.of("boss@corp.example"), Optional.empty(), "bob"),
            new ByteArrayInputStream("Subject: s\n\nb\n".getBytes(StandardCharsets.US_ASCII)));
        MailImpl mail = spooled.get(0);
        assertThat(mail.getMaybeSender().asString()).isEqualTo("boss@corp.example");
        // the From: built from the envelope is not the caller's own address: a Sender: is added
        assertThat(headers(mail)).contains("\nFrom: \"Alice Smith,Room 1,,\" <boss@corp.example>\n")
            .contains("\nSender: \"Alice Smith,Room 1,,\" <alice@host.example>\n");
    }
}

package org.jexim.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SpoolHeaderFormatTest {
    /** Written by Exim 4.96 for {@code exim4 -odq -f a@x.org b@test.example c@other.example}. */
    private static final String EXIM_WROTE = "1xUxVo-00038v-0K-H\n"
        + "root 0 0\n"
        + "<a@x.org>\n"
        + "1795315264 0\n"
        + "-received_time_usec .102260\n"
        + "-received_time_complete 1795315264.107607\n"
        + "-ident root\n"
        + "-received_protocol local\n"
        + "-body_linecount 3\n"
        + "-max_received_linelength 18\n"
        + "-aclm _x 7\nab\ncd e\n"
        + "-allow_unqualified_recipient\n"
        + "-allow_unqualified_sender\n"
        + "-deliver_firsttime\n"
        + "-tls_resumption A\n"
        + "YY b@test.example\n"
        + "NN a@test.example\n"
        + "NN c@test.example\n"
        + "2\n"
        + "b@test.example\n"
        + "c@other.example\n"
        + "\n"
        + "141P Received: from root by test.example with local (Exim 4.96)\n"
        + "\t(envelope-from <a@x.org>)\n"
        + "\tid 1xUxVo-00038v-0K;\n"
        + "\tSun, 22 Nov 2026 02:41:04 +0000\n"
        + "018F From: A <a@x.org>\n"
        + "019T To: b@test.example\n"
        + "012  Subject: hi\n"
        + "045I Message-Id: <E1xUxVo-00038v-0K@test.example>\n"
        + "038  Date: Sun, 22 Nov 2026 02:41:04 +0000\n";

    @Test
    void readsWhatEximWroteAndWritesItBackByteForByteExceptTheTree() throws Exception {
        SpoolHeader h = SpoolHeaderFormat.read(EXIM_WROTE.getBytes(StandardCharsets.UTF_8));
        assertThat(h.id()).isEqualTo("1xUxVo-00038v-0K");
        assertThat(h.sender()).isEqualTo("a@x.org");
        assertThat(h.receivedSeconds()).isEqualTo(1795315264L);
        assertThat(h.option("received_protocol")).contains("local");
        assertThat(h.hasFlag("deliver_firsttime")).isTrue();
        assertThat(h.options()).filteredOn(o -> o.name().equals("aclm")).singleElement()
            .satisfies(o -> assertThat(o.data()).isEqualTo("ab\ncd e"));
        assertThat(h.nonRecipients()).containsExactly("b@test.example", "a@test.example", "c@test.example");
        assertThat(h.recipients()).containsExactly("b@test.example", "c@other.example");
        assertThat(h.headers()).extracting(HeaderLine::flag).containsExactly('P', 'F', 'T', ' ', 'I', ' ');
        assertThat(h.headers().get(0).name()).isEqualTo("Received");

        String written = new String(SpoolHeaderFormat.toBytes(h), StandardCharsets.UTF_8);
        assertThat(written).isEqualTo(EXIM_WROTE.replace("YY b@test.example\nNN a@test.example\nNN c@test.example\n",
            "NY b@test.example\nNY a@test.example\nNN c@test.example\n"));
    }

    @Test
    void recipientsWithDsnDataAsEximWritesThemAreReadAsTheirAddresses() throws Exception {
        // exim4 -bs with RCPT NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;bob@x.example, NOTIFY=NEVER, none
        String withDsn = EXIM_WROTE.replace("2\nb@test.example\nc@other.example\n",
            "3\nbob@x.example rfc822;bob@x.example 20,12  0,-1#3\nc@x.example  0,2  0,-1#3\nd@x.example\n");
        SpoolHeader h = SpoolHeaderFormat.read(withDsn.getBytes(StandardCharsets.UTF_8));
        assertThat(h.recipients()).containsExactly("bob@x.example", "c@x.example", "d@x.example");
        assertThat(new String(SpoolHeaderFormat.toBytes(h), StandardCharsets.UTF_8))
            .contains("\n3\nbob@x.example rfc822;bob@x.example 20,12  0,-1#3\nc@x.example  0,2  0,-1#3\nd@x.example\n\n");
        org.apache.mailet.DsnParameters dsn = SpoolDsn.read(h).parameters().orElseThrow();
        assertThat(dsn.getRcptParameters().get(new org.apache.james.core.MailAddress("bob@x.example")))
            .isEqualTo(org.apache.mailet.DsnParameters.RecipientDsnParameters.of(
                java.util.EnumSet.of(org.apache.mailet.DsnParameters.Notify.SUCCESS, org.apache.mailet.DsnParameters.Notify.FAILURE),
                new org.apache.james.core.MailAddress("bob@x.example")));
        assertThat(dsn.getRcptParameters().get(new org.apache.james.core.MailAddress("c@x.example")).getNotifyParameter())
            .contains(java.util.EnumSet.of(org.apache.mailet.DsnParameters.Notify.NEVER));
    }

    @Test
    void headerFlagsAreEximsLetters() {
        assertThat(HeaderLine.flagFor("Received")).isEqualTo('P');
        assertThat(HeaderLine.flagFor("reply-to")).isEqualTo('R');
        assertThat(HeaderLine.flagFor("MESSAGE-ID")).isEqualTo('I');
        assertThat(HeaderLine.flagFor("Sender")).isEqualTo('S');
        assertThat(HeaderLine.flagFor("Bcc")).isEqualTo('B');
        assertThat(HeaderLine.flagFor("Cc")).isEqualTo('C');
        assertThat(HeaderLine.flagFor("X-Other")).isEqualTo(' ');
    }

    @Test
    void messageIdsLookLikeExims() {
        Instant at = Instant.ofEpochSecond(1795315264L, 102_260_000L);
        String id = EximMessageId.next(at);
        assertThat(id).matches("1xUxVo-[0-9A-Za-z]{6}-3I");
        assertThat(EximMessageId.epochSecond(id)).isEqualTo(1795315264L);
        assertThat(EximMessageId.next(at)).isNotEqualTo(id);
        assertThat(EximMessageId.isValid("1xUxVo-00038v-0K")).isTrue();
        assertThat(EximMessageId.isValid("Mail123-abc")).isFalse();
    }
}

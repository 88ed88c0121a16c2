package org.jexim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * -be -Mset ID side by side with exim4: the same spooled messages (queued by exim4 -odq, through
 * SMTP with authentication and an ACL variable, and copied to jexim's spool); the message and
 * header variables must expand to what exim4 prints, and a missing message gives Exim's lines.
 */
class MsetAgainstEximTest {
    private static final List<String> EXPANSIONS = List.of(
        "$message_exim_id|$message_id|$sender_address|$sender_address_domain|$recipients|$recipients_count",
        "$message_size|$message_linecount|$body_linecount|$message_body_size|$body_zerocount",
        "$h_subject:|$h_x-two:|$rh_x-two:|$bh_to:|<$h_missing:>",
        "$received_protocol|$sender_ident|$authenticated_id|$authenticated_sender|$sender_helo_name",
        "$sender_host_address|$sender_host_port|$received_ip_address|$return_path|$local_part|$domain",
        "$message_body", "$message_body_end", "$message_headers", "$received_time", "$acl_m_score",
        "${if >{$message_age}{-1}{aged}}", "$reply_address");

    @TempDir
    Path dir;
    private ScratchSpool exim;

    @BeforeEach
    void spool() throws Exception {
        assumeTrue(ScratchSpool.eximUsable(), "needs /usr/sbin/exim4 and root");
        exim = new ScratchSpool(dir.resolve("exim"), "acl_smtp_rcpt = acl_r\nbegin acl\nacl_r:\n"
            + "  accept set acl_m_score = 7 points\n");
    }

    @Test
    void theMessageVariablesOfALocalSubmission() throws Exception {
        String id = exim.eximMessage("alice@x.example",
            "Subject: test subj\nX-Two: a\n  b\nTo: Bob <bob@test.example>\nReply-To: r@x.example\n\nline1\nline2\n",
            "bob", "carol@y.example");
        compare(id);
    }

    @Test
    void theMessageVariablesOfAnSmtpSubmission() throws Exception {
        String id = exim.eximSmtp("HELO client.example\nMAIL FROM:<a@x.example>\nRCPT TO:<b@test.example>\n"
            + "DATA\nSubject: over smtp\n\nbody\n.\nQUIT\n");
        compare(id);
    }

    @Test
    void aMissingMessageGivesEximsLinesAndTheExpansionsGoOn() throws Exception {
        ScratchSpool jexim = exim.copyTo(dir.resolve("jexim"));
        String[] args = {"-be", "-Mset", "1xV3vC-0006QS-99", "$message_size", "$h_subject:"};
        assertThat(jexim.jexim(args).out()).isEqualTo(exim.exim(args).out())
            .startsWith("Failed to load message datafile 1xV3vC-0006QS-99\n");
    }

    private void compare(String id) throws Exception {
        ScratchSpool jexim = exim.copyTo(dir.resolve("jexim"));
        List<String> args = new ArrayList<>(List.of("-be", "-Mset", id));
        args.addAll(EXPANSIONS);
        ScratchSpool.Result theirs = exim.exim(args.toArray(new String[0]));
        ScratchSpool.Result ours = jexim.jexim(args.toArray(new String[0]));
        assertThat(ours.out()).isEqualTo(theirs.out());
        assertThat(ours.status()).isEqualTo(theirs.status());
    }
}

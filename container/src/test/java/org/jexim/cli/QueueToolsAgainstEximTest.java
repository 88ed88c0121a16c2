package org.jexim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue commands side by side with the real exim4 on two copies of one spool holding
 * messages exim4 and jexim queued: each command must print the same lines, exit with the same
 * status, leave byte-identical -H files and write the same mainlog lines.
 */
class QueueToolsAgainstEximTest {
    @TempDir
    Path dir;
    private ScratchSpool eximSpool;
    private ScratchSpool jeximSpool;
    private String plain;
    private String many;
    private String bounce;
    private String fromJexim;

    private static final String BODY = "Subject: test\nFrom: alice@example.org\n\nbody line\n";

    @BeforeEach
    void queueMessages() throws Exception {
        assumeTrue(ScratchSpool.eximUsable(), "needs /usr/sbin/exim4 and root");
        eximSpool = new ScratchSpool(dir.resolve("exim"));
        plain = eximSpool.eximMessage("alice@example.org", BODY, "bob@test.example", "carol@other.example");
        many = eximSpool.eximMessage("alice@example.org", BODY + "x".repeat(3000) + "\n",
            "m1@a.example", "m2@b.example", "m3@c.example", "m4@d.example", "m5@e.example", "m6@f.example",
            "m7@g.example");
        bounce = eximSpool.eximMessage("", "Subject: bounce\n\nfailed\n", "alice@example.org");
        fromJexim = eximSpool.jeximMessage("dave@example.net", "From: dave@example.net\r\nSubject: j\r\n\r\nhello\r\n",
            "erin@test.example", "frank@other.example");
        jeximSpool = eximSpool.copyTo(dir.resolve("jexim"));
    }

    /** Runs the command with exim4 on one copy and jexim on the other; retries once if a minute ticked over. */
    private void same(String... args) throws Exception {
        ScratchSpool.Result exim = eximSpool.exim(args);
        ScratchSpool.Result jexim = jeximSpool.jexim(args);
        assertThat(jexim.out()).as("stdout of %s", List.of(args)).isEqualTo(exim.out());
        assertThat(jexim.err()).as("stderr of %s", List.of(args)).isEqualTo(exim.err());
        assertThat(jexim.status()).as("status of %s", List.of(args)).isEqualTo(exim.status());
    }

    private void sameListing(String... args) throws Exception {
        ScratchSpool.Result exim = eximSpool.exim(args);
        ScratchSpool.Result jexim = jeximSpool.jexim(args);
        if (!exim.out().equals(jexim.out())) {
            exim = eximSpool.exim(args);
            jexim = jeximSpool.jexim(args);
        }
        assertThat(jexim.out()).as("stdout of %s", List.of(args)).isEqualTo(exim.out());
        assertThat(jexim.status()).isEqualTo(exim.status());
    }

    private void sameFiles() throws Exception {
        assertThat(jeximSpool.ids()).isEqualTo(eximSpool.ids());
        for (String id : eximSpool.ids()) {
            if (id.equals(fromJexim)) {
                continue; // exim4 rewrites a -H file without jexim's own lines; jexim keeps them
            }
            assertThat(frozenTimeless(jeximSpool.headerFile(id))).as("-H of %s", id)
                .isEqualTo(frozenTimeless(eximSpool.headerFile(id)));
        }
        assertThat(jeximSpool.mainlog()).isEqualTo(eximSpool.mainlog());
    }

    /** The -frozen line carries the second of the freeze, which may differ by one between the two runs. */
    private static String frozenTimeless(byte[] header) {
        return new String(header, StandardCharsets.ISO_8859_1).replaceAll("\n-frozen \\d+\n", "\n-frozen T\n");
    }

    @Test
    void listsTheQueueAsEximDoes() throws Exception {
        for (String mode : List.of("-bp", "-bpa", "-bpu", "-bpc")) {
            sameListing(mode);
        }
        sameListing("-bp", many, "1xUxqX-0001kp-2X", fromJexim);
        List<String> unsorted = new ArrayList<>(List.of(jeximSpool.jexim("-bpr").out().split("\n\n")));
        List<String> sorted = new ArrayList<>(List.of(eximSpool.exim("-bp").out().split("\n\n")));
        unsorted.sort(null);
        sorted.sort(null);
        assertThat(unsorted).isEqualTo(sorted);
        same("-bpx");
        same("-bpur");
    }

    @Test
    void showsMessageFilesAsEximDoes() throws Exception {
        for (String id : List.of(plain, many, bounce, fromJexim)) {
            same("-Mvh", id);
            same("-Mvb", id);
            same("-Mvc", id);
        }
        same("-Mvl", plain);
        same("-Mvl", fromJexim);
        same("-Mvh", plain, many);
        same("-Mvh", "1xUxqX-0001kp-2X");
        same("-Mvh");
        same("-Mvh", "not-an-id");
    }

    @Test
    void freezesAndThawsAsEximDoes() throws Exception {
        same("-Mf", plain, bounce);
        same("-Mf", plain);
        sameFiles();
        sameListing("-bp");
        same("-Mt", plain);
        same("-Mt", plain);
        same("-Mt", "1xUxqX-0001kp-2X");
        sameFiles();
        same("-Mf", fromJexim);
        sameListing("-bp");
        same("-Mt", fromJexim);
        sameListing("-bp");
        assertThat(new String(jeximSpool.headerFile(fromJexim), StandardCharsets.ISO_8859_1))
            .contains("\n-manual_thaw\n", "\n-jexim_queue spool\n");
    }

    @Test
    void editsEnvelopesAsEximDoes() throws Exception {
        same("-Mar", plain, "new@test.example", "Someone <some@one.example>");
        same("-Mar", plain, "baduser");
        same("-Mar", plain);
        same("-Mar", plain, "a@b.example", "@b", "x@");
        same("-Mmd", plain, "carol@other.example");
        same("-Mmd", plain, "nobody@x.example");
        for (String a : List.of("m4@d.example", "m1@a.example", "m7@g.example", "m2@b.example", "m6@f.example")) {
            same("-Mmd", many, a);
        }
        same("-Mes", plain, "changed@sender.example");
        same("-Mes", bounce, "<>");
        same("-Mes", plain, "a@b.example", "c@d.example");
        same("-Mes", plain, "");
        same("-Mes", plain, "x@y.example (comment)");
        same("-Mes", plain, "n@d.e>");
        same("-Mmad", bounce, many);
        sameFiles();
        for (String mode : List.of("-bp", "-bpa", "-bpu")) {
            sameListing(mode);
        }
        same("-Mmd", fromJexim, "frank@other.example");
        sameListing("-bpa", fromJexim);
    }

    @Test
    void removesAsEximDoes() throws Exception {
        same("-Mrm", plain, "1xUxqX-0001kp-2X", fromJexim);
        same("-Mrm", plain);
        same("-Mrm");
        same("-Mrm", "bad");
        sameFiles();
        sameListing("-bp");
        sameListing("-bpc");
    }

    @Test
    void worksOnASplitSpoolWithDsnRecipientsAsEximDoes() throws Exception {
        eximSpool = new ScratchSpool(dir.resolve("split-exim"), "split_spool_directory = true\n"
            + "dsn_advertise_hosts = *\nmessage_logs = false\nacl_smtp_rcpt = accept\n");
        String dsn = eximSpool.eximSmtp("EHLO me\nMAIL FROM:<a@example.org> ENVID=abc RET=HDRS\n"
            + "RCPT TO:<b@test.example> NOTIFY=SUCCESS,DELAY ORCPT=rfc822;b@test.example\n"
            + "RCPT TO:<c@other.example>\nDATA\nSubject: dsn\n\nhi\n.\nQUIT\n");
        String other = eximSpool.eximMessage("z@example.org", BODY, "y@test.example");
        fromJexim = "none";
        jeximSpool = eximSpool.copyTo(dir.resolve("split-jexim"));
        sameListing("-bp");
        same("-Mvh", dsn);
        same("-Mvl", dsn);
        same("-Mmd", dsn, "b@test.example");
        same("-Mar", dsn, "d@test.example");
        same("-Mf", dsn, other);
        sameFiles();
        sameListing("-bpa");
        same("-Mt", dsn);
        same("-Mrm", other);
        sameFiles();
        sameListing("-bp");
    }

    /** The same hand edit of a -H file on both copies (what a long stay on the queue or a header_remove leaves). */
    private void editBoth(String id, java.util.function.UnaryOperator<String> edit) throws Exception {
        for (ScratchSpool s : List.of(eximSpool, jeximSpool)) {
            Path h = s.spool.resolve("input").resolve(id + "-H");
            java.nio.file.Files.writeString(h, edit.apply(java.nio.file.Files.readString(h, StandardCharsets.ISO_8859_1)),
                StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void agesInHoursAndDaysAndRemovedHeadersAsEximShowsThem() throws Exception {
        long now = java.time.Instant.now().getEpochSecond();
        editBoth(plain, h -> h.replaceFirst("\n\\d+ 0\n", "\n" + (now - 5 * 3600) + " 0\n"));
        editBoth(many, h -> h.replaceFirst("\n\\d+ 0\n", "\n" + (now - 9 * 86400) + " 0\n"));
        editBoth(bounce, h -> h.replaceFirst("\n\\d+ 0\n", "\n" + (now - 91 * 60) + " 0\n"));
        // a header flagged '*' is kept for the record but no longer sent: not in -Mvc, not in the size
        editBoth(plain, h -> h.replaceFirst("(\\d{3})  (Subject: )", "$1* $2"));
        assertThat(new String(jeximSpool.headerFile(plain), StandardCharsets.ISO_8859_1)).contains("* Subject: ");
        sameListing("-bp");
        assertThat(jeximSpool.jexim("-bp").out()).contains(" 5h ", " 9d ", " 2h ");
        same("-Mvc", plain);
        assertThat(jeximSpool.jexim("-Mvc", plain).out()).doesNotContain("Subject:");
        same("-Mvh", plain);
    }
}

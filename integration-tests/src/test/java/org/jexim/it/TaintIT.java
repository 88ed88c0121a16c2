package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Attack test: local parts chosen by the sender reaching file, directory, pipe and autoreply
 * transports (src/test/resources/taint/configure). Exim 4.96 refuses a mailbox path, a command
 * argument or a once file built from them unless create_file confines the path; jexim must refuse
 * the same addresses with the same log lines (main and panic log), and write the same files.
 * Both run {@code -odi} submissions on the same configure, side by side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaintIT {
    private static final Path EXIM = Path.of("/usr/sbin/exim4");
    /**
     * f- file, p- pipe argument, d- maildir, c- confined by create_file, ok: $local_part_data, a- autoreply
     * once, s- smtp hosts.
     */
    private static final List<String> ADDRESSES = List.of("f-a", "p-a", "d-a", "c-a", "c-x/y", "ok", "a-a", "s-a");
    private Path exim;
    private Path jexim;

    @BeforeAll
    void submitEverywhere() throws Exception {
        assumeTrue(Files.isExecutable(EXIM) && "root".equals(System.getProperty("user.name")), "needs exim4 and root");
        Path configure = Path.of(getClass().getResource("/taint/configure").toURI());
        exim = MailHome.create("taint-exim");
        jexim = MailHome.create("taint-jexim");
        String common = " -C " + configure + " -DDUSER=Debian-exim -odi ";
        for (String a : ADDRESSES) {
            sh(EXIM + common.replace("-C", "-DDIR=" + exim + " -C") + "'" + a + "@taint.example'", "Subject: taint\n\nbody\n");
            sh("JEXIM_NO_BUILD=1 " + Jexim.ROOT.resolve("jexim") + common.replace("-C", "-DDIR=" + jexim + " -C")
                    + "'" + a + "@taint.example'", "Subject: taint\n\nbody\n");
        }
        for (Path d : List.of(exim, jexim)) {
            String command = (d == exim ? EXIM.toString() : "JEXIM_NO_BUILD=1 " + Jexim.ROOT.resolve("jexim"))
                    + common.replace("-C", "-DDIR=" + d + " -C");
            sh(command + "h-a@taint.example", INJECTING);
            sh(command + "ok2@taint.example", "X-Spam-Flag: YES\nSubject: spam\n\nbody\n");
        }
    }

    /** A Subject whose encoded word decodes to CR LF and a Bcc line. */
    private static final String INJECTING = "Subject: =?utf-8?q?hello=0D=0ABcc:_evil@x.example?=\nFrom: a@b.example\n\nbody\n";

    private static void sh(String command, String input) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(command).isTrue();
        assertThat(p.exitValue()).as(command + ": " + out).isZero();
    }

    @Test
    void theSameAddressesAreRefusedWithTheSameLogLines() throws Exception {
        List<String> j = lines(jexim, "mainlog");
        assertThat(j).isEqualTo(lines(exim, "mainlog"));
        assertThat(j).contains(
            "ID == f-a@taint.example R=r_file T=t_file defer (-1): Tainted 'DIR/mail/f-a' (file or directory name"
                + " for t_file transport) not permitted",
            "ID ** p-a@taint.example R=r_pipe T=t_pipe: Tainted arg 1 for t_pipe transport command: 'p-a'",
            "ID == a-a@taint.example R=r_reply T=t_reply defer (13): Permission denied: Tainted 'DIR/mail/a-a.once'"
                + " (once file for t_reply transport) not permitted",
            "ID => c-x/y <c-x/y@taint.example> R=r_confined T=t_confined",
            "ID attempt to use tainted host list 'a.invalid' from '${sg{$local_part}{^s-}{}}.invalid' in transport t_smtp",
            "ID == s-a@taint.example R=r_smtp T=t_smtp defer (-1): internal configuration error");
    }

    @Test
    void refusedPathsGoToThePanicLogToo() throws Exception {
        List<String> j = lines(jexim, "paniclog");
        assertThat(j).isEqualTo(lines(exim, "paniclog"));
        assertThat(j).hasSize(4);
    }

    @Test
    void onlyTheConfinedAndLookedUpMailboxesAreWritten() throws Exception {
        assertThat(files(jexim)).isEqualTo(files(exim)).containsExactly("c-a", "c-x", "c-x/y", "headers", "ok", "spam");
    }

    @Test
    void anInjectedHeaderLineStaysInTheHeaderAndTheEnvelopeIsUntouched() throws Exception {
        String j = mailbox(jexim.resolve("mail/headers"));
        assertThat(j).isEqualTo(mailbox(exim.resolve("mail/headers")));
        assertThat(j).contains("X-Router-Subject: hello\r\nBcc: evil@x.example\nX-Subject: hello\r\nBcc: evil@x.example\n"
                + "X-Raw:  =?utf-8?q?hello=0D=0ABcc:_evil@x.example?=\n");
        assertThat(lines(jexim, "mainlog")).noneMatch(l -> l.contains("evil"));
    }

    @Test
    void aRouterConditionSeesTheMessagesHeaders() throws Exception {
        assertThat(lines(jexim, "mainlog")).contains("ID => ok2 <ok2@taint.example> R=r_spam T=t_spam")
                .isEqualTo(lines(exim, "mainlog"));
    }

    /** The delivery lines of a log (arrivals, bounces and privilege notes left out), ids and paths masked. */
    private static List<String> lines(Path dir, String log) throws Exception {
        Path file = dir.resolve("log/" + log);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            if (Stream.of(" == ", " ** ", " => ", " attempt to use ").anyMatch(l::contains) && !l.contains("@taint.example: ")
                    && !l.contains(" ** root@")) {
                out.add(DeliveredMail.mask(l.substring(20)).replace(dir.toString(), "DIR"));
            }
        }
        return out;
    }

    /** An mbox file without its "From " line (its date has seconds), dates and ids masked. */
    private static String mailbox(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        return DeliveredMail.mask(text.substring(text.indexOf('\n') + 1));
    }

    private static List<String> files(Path dir) throws Exception {
        Path mail = dir.resolve("mail");
        try (Stream<Path> s = Files.walk(mail)) {
            return s.filter(p -> !p.equals(mail)).map(p -> mail.relativize(p).toString()).sorted().toList();
        }
    }
}

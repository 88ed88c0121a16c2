package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PRDR in the server, against a real Exim 4.96 daemon on the same configure
 * (src/test/resources/prdr/configure): EHLO offers PRDR, MAIL's PRDR is acknowledged, and after the
 * data each recipient gets acl_smtp_data_prdr's answer behind a 353, then the final reply; the
 * replies, the log lines and which mailboxes get the message must be Exim's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrdrIT {
    private static final String BODY = "Subject: s\r\n\r\nb\r\n.\r\n";
    private final Daemons daemons = new Daemons();
    Daemons.Server exim;
    Daemons.Server jexim;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(EximDaemon.available(), "needs exim4 and root (exim4 -C drops to Debian-exim)");
        Path configure = Path.of(getClass().getResource("/prdr/configure").toURI());
        exim = daemons.exim(Files.readString(configure), "-DDUSER=Debian-exim");
        jexim = daemons.jexim(configure, "-DDUSER=root");
    }

    @AfterAll
    void stop() throws Exception {
        daemons.close();
    }

    @Test
    void eachRecipientGetsItsPrdrReplyAndOnlyTheAcceptedOnesTheMessage() throws Exception {
        Object[] steps = {"EHLO c\r\n", 1, "MAIL FROM:<a@b.example> PRDR\r\n", 1,
            "RCPT TO:<good@x.example>\r\n", 1, "RCPT TO:<bad@x.example>\r\n", 1, "RCPT TO:<later@x.example>\r\n", 1,
            "RCPT TO:<bad2@x.example>\r\n", 1, "RCPT TO:<logged@x.example>\r\n", 1, "DATA\r\n", 1, BODY, 7,
            // all refuse: the final reply is a 550 with the id, and nothing arrives
            "MAIL FROM:<a@b.example> PRDR\r\n", 1, "RCPT TO:<bad@x.example>\r\n", 1, "RCPT TO:<bad2@x.example>\r\n", 1,
            "DATA\r\n", 1, BODY, 4,
            // one recipient: no PRDR dialogue
            "MAIL FROM:<a@b.example> PRDR\r\n", 1, "RCPT TO:<one@x.example>\r\n", 1, "DATA\r\n", 1, BODY, 1,
            // the DATA ACL sees the recipients PRDR left, and refuses after the PRDR replies
            "MAIL FROM:<a@b.example> PRDR\r\n", 1, "RCPT TO:<one@x.example>\r\n", 1, "RCPT TO:<two@x.example>\r\n", 1,
            "RCPT TO:<three@x.example>\r\n", 1, "RCPT TO:<bad@x.example>\r\n", 1, "DATA\r\n", 1, BODY, 6,
            // RSET forgets PRDR; without it there is no dialogue
            "MAIL FROM:<a@b.example> PRDR\r\n", 1, "RSET\r\n", 1, "MAIL FROM:<a@b.example>\r\n", 1,
            "RCPT TO:<two@x.example>\r\n", 1, "RCPT TO:<three@x.example>\r\n", 1, "DATA\r\n", 1, BODY, 1,
            "QUIT\r\n", 1};
        List<String> j = dialogue(jexim.port(), steps);
        assertThat(masked(j)).isEqualTo(masked(dialogue(exim.port(), steps)));
        assertThat(j.get(1)).contains("\n250-PRDR\n");
        assertThat(j).contains("250 OK, PRDR Requested", "353 PRDR content analysis beginning",
                "250 PRDR R=<good@x.example> acceptance", "450 PRDR R=<later@x.example> temporary refusal",
                "550 PRDR R=<bad2@x.example> refusal", "550 refused for logged", "550 three is too many after PRDR");
        assertThat(j.stream().filter(l -> l.matches("250 id=.* message accepted for some recipients"))).hasSize(1);
        assertThat(j.stream().filter(l -> l.matches("550 id=.* message rejected for all recipients"))).hasSize(1);
        // good got the first message, two the last one; bad got none of them
        assertThat(mailbox(jexim, "good")).contains("Subject: s");
        assertThat(mailbox(jexim, "two")).contains("Subject: s");
        assertThat(mailbox(exim, "two")).contains("Subject: s");
        for (String name : List.of("bad", "later", "bad2", "logged")) {
            assertThat(jexim.home().resolve("mail/" + name)).as(name).doesNotExist();
            assertThat(exim.home().resolve("mail/" + name)).as(name).doesNotExist();
        }
        assertThat(prdrLines(jexim)).isEqualTo(prdrLines(exim)).hasSize(13)
                .contains("ID H=(c) [127.0.0.1] F=<a@b.example> rejected after DATA: three is too many after PRDR");
    }

    /** The log lines PRDR wrote, the PRDR arrivals and the DATA ACL's refusal, ids masked, in order. */
    private static List<String> prdrLines(Daemons.Server server) throws Exception {
        return server.mainlog().lines().filter(l -> (l.contains(" PRDR ") || l.contains("rejected after DATA")) && !l.contains(" => "))
                .map(l -> masked(l.substring(20)).replaceAll(" S=[0-9]+", "").replaceAll(" id=ID", ""))
                .toList();
    }

    private static String mailbox(Daemons.Server server, String name) throws Exception {
        Path box = server.home().resolve("mail/" + name);
        for (int i = 0; i < 300 && !Files.exists(box); i++) {
            Thread.sleep(100);
        }
        return Files.readString(box);
    }

    private static String masked(String text) {
        return text.replaceAll("[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}", "ID")
                .replaceAll("[A-Z][a-z]{2}, [ 0-9]?[0-9] [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} [-+][0-9]{4}", "DATE");
    }

    private static List<String> masked(List<String> replies) {
        return replies.stream().map(PrdrIT::masked).toList();
    }

    /** Sends each step's bytes in one write and reads its number of replies (fewer if the server closes). */
    private static List<String> dialogue(int port, Object... steps) throws Exception {
        try (RawSmtp c = new RawSmtp(port)) {
            List<String> t = new ArrayList<>();
            t.add(String.join("\n", c.reply()).replaceAll("Exim 4\\.96 .*", "Exim 4.96 DATE"));
            for (int i = 0; i < steps.length && !t.get(t.size() - 1).endsWith("<closed>"); i += 2) {
                t.addAll(c.exchange((String) steps[i], (Integer) steps[i + 1]));
            }
            return t;
        }
    }
}

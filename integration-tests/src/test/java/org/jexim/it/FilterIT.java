package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Exim filters end to end: ./jexim -bd runs filter/configure, whose user vacuser has a forward
 * file that is an Exim filter; swaks sends to vacuser. The filter's save lands in the folder,
 * its pipe gets the message, its vacation reply reaches the sender once (the once file stops
 * the second), and vacuser's own mailbox stays empty because the save is significant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterIT {
    private DaemonFixture daemon;
    private Path dir;
    private int port;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/swaks")), "swaks is not installed");
        daemon = DaemonFixture.prepare("jexim-filter", "/filter/configure");
        dir = daemon.dir;
        port = daemon.port;
        Files.writeString(dir.resolve("forward"), "# Exim filter\n"
                + "if $h_subject: contains \"folder\" then\n"
                + "  save " + dir.resolve("mail/saved-folder") + "\n"
                + "endif\n"
                + "unseen pipe \"/usr/bin/tee " + dir.resolve("mail/piped") + "\"\n"
                + "if personal then\n"
                + "  vacation to $reply_address subject \"Away: $h_subject:\" text \"I am on holiday.\\n\" "
                + "file " + dir.resolve("vacation.msg") + " once " + dir.resolve("vacation.db") + "\n"
                + "endif\n");
        Files.writeString(dir.resolve("vacation.msg"), "Back on Monday.\n");
        daemon.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (daemon != null) {
            daemon.stop();
        }
    }

    private Jexim.Result swaks(String subject) throws Exception {
        return Jexim.run(List.of("swaks", "--server", "127.0.0.1:" + port, "--from", "sender@filter.example",
                "--to", "vacuser@filter.example", "--header", "Subject: " + subject,
                "--header", "From: Sender <sender@filter.example>", "--header", "To: vacuser@filter.example",
                "--body", "Please file this.\n"));
    }

    private String waitFor(Path file, String content) throws Exception {
        return daemon.waitFor(file, content);
    }

    private String log() throws Exception {
        return daemon.log();
    }

    @Test
    void filterSavesPipesAndRepliesOnce() throws Exception {
        Jexim.Result first = swaks("into the folder");
        assertThat(first.output()).contains("250 OK id=");
        String saved = waitFor(dir.resolve("mail/saved-folder"), "Please file this.");
        assertThat(saved).startsWith("From sender@filter.example ").contains("Subject: into the folder\n");
        assertThat(waitFor(dir.resolve("mail/piped"), "Please file this.")).contains("Subject: into the folder");
        String reply = waitFor(dir.resolve("mail/sender"), "I am on holiday.");
        assertThat(reply).startsWith("From MAILER-DAEMON ")
                .contains("\nTo: Sender <sender@filter.example>\nSubject: Away: into the folder\n")
                .contains("\nAuto-Submitted: auto-replied\n")
                .contains("\n\nI am on holiday.\nBack on Monday.\n");
        // the save is significant: nothing for vacuser's own mailbox
        assertThat(dir.resolve("mail/vacuser")).doesNotExist();

        Jexim.Result second = swaks("second message");
        assertThat(second.output()).contains("250 OK id=");
        // not significant this time (only the unseen pipe): normal delivery happens, but no second reply
        waitFor(dir.resolve("mail/vacuser"), "second message");
        waitFor(dir.resolve("mail/piped"), "second message");
        Thread.sleep(1000);
        String replies = Files.readString(dir.resolve("mail/sender"), StandardCharsets.ISO_8859_1);
        assertThat(replies.split("\nFrom MAILER-DAEMON ", -1)).hasSize(1);
        assertThat(Files.readString(dir.resolve("vacation.db"))).contains("Sender <sender@filter.example>");
    }
}

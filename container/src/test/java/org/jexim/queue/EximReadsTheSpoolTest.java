package org.jexim.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.james.queue.api.MailQueueFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Exim 4.96 lists and shows the messages jexim spooled, as if it had spooled them itself. */
class EximReadsTheSpoolTest {
    @TempDir
    Path spool;

    private String exim(Path configure, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("exim4", "-C", configure.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void eximListsAndShowsAMessageOnJeximsSpool() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/exim4")), "exim4 is not installed");
        assumeTrue("root".equals(System.getProperty("user.name")), "exim4 -C with a private spool needs root");
        SpoolMailQueueFactory factory = SpoolMailQueueFactory.open(spool);
        String id = EximMessageId.next();
        factory.createQueue(MailQueueFactory.SPOOL).enQueue(SpoolTestMails.mail(id, SpoolTestMails.MESSAGE));
        factory.close();
        Path configure = spool.resolve("configure");
        Files.writeString(configure, "spool_directory = " + spool + "\nlog_file_path = " + spool + "/log/%slog\n"
            + "exim_user = root\nexim_group = root\nprimary_hostname = test.example\n");

        long size = Files.size(spool.resolve("input/" + id + "-D")) + Files.size(spool.resolve("input/" + id + "-H"));
        assertThat(exim(configure, "-bpc")).isEqualTo("1\n");
        assertThat(exim(configure, "-bp")).matches(
            " *\\d+[smh] +\\d+ " + id + " <alice@example.org>\n          bob@test.example\n          carol@other.example\n\n");
        assertThat(exim(configure, "-Mvb", id)).isEqualTo(id + "-D\nfirst line\n\n.leading dot and trailing space \nFrom the start\n");
        assertThat(exim(configure, "-Mvh", id)).isEqualTo(Files.readString(spool.resolve("input/" + id + "-H"), StandardCharsets.ISO_8859_1));
        assertThat(size).isPositive();

        SpoolMailQueueFactory again = SpoolMailQueueFactory.open(spool);
        SpoolMailQueue queue = again.createQueue(MailQueueFactory.SPOOL);
        var item = SpoolTestMails.dequeueOne(queue, java.time.Duration.ofSeconds(5));
        item.getMail().setRecipients(List.of(new org.apache.james.core.MailAddress("carol@other.example")));
        queue.enQueue(item.getMail(), java.time.Duration.ofHours(1));
        item.done(org.apache.james.queue.api.MailQueue.MailQueueItem.CompletionStatus.SUCCESS);
        again.close();
        assertThat(exim(configure, "-bp")).matches(
            " *\\d+[smh] +\\d+ " + id + " <alice@example.org>\n        D bob@test.example\n          carol@other.example\n\n");
    }
}

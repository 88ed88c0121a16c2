package org.jexim.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real Exim 4.96 on a scratch configure (one message: a local mbox and maildir delivery
 * through an alias, a routing failure, a deferral, and the bounce that follows) and checks that
 * EximLog writes, field for field, the lines Exim wrote to its mainlog.
 */
class EximLogFormatsAgainstEximTest {
    private static final Pattern ARRIVAL = Pattern.compile("(\\S+) <= (\\S+) .* S=(\\d+).*");
    @TempDir
    Path dir;

    @Test
    void ourLinesAreEximsLines() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/exim4")), "exim4 is not installed");
        assumeTrue("root".equals(System.getProperty("user.name")), "the scratch configure delivers as nobody, which needs root");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String d : new String[] {"mail", "maildir"}) {
            Files.setPosixFilePermissions(Files.createDirectories(dir.resolve(d)), PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        String conf = new String(getClass().getResourceAsStream("exim-scratch.conf").readAllBytes(), StandardCharsets.UTF_8)
            .replace("@DIR@", dir.toString());
        Path configure = Files.writeString(dir.resolve("configure"), conf);
        Process exim = new ProcessBuilder("exim4", "-C", configure.toString(), "-odi", "-f", "a@x.org",
            "postmaster@test.example", "nobody@test.example", "later@test.example").redirectErrorStream(true).start();
        exim.getOutputStream().write("From: A <a@x.org>\nSubject: hi\nMessage-ID: <m1@x.org>\n\nbody\n".getBytes(StandardCharsets.US_ASCII));
        exim.getOutputStream().close();
        String output = new String(exim.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exim.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve("spool/log/mainlog")).as(output).exists();

        List<String> theirs = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("spool/log/mainlog"))) {
            theirs.add(line.substring(20)); // drop "yyyy-mm-dd hh:mm:ss "
        }
        theirs.removeIf(l -> l.startsWith("Warning: purging") || l.startsWith(" Suggested action"));
        Matcher first = ARRIVAL.matcher(theirs.get(0));
        assertThat(first.matches()).as(theirs.get(0)).isTrue();
        String id = first.group(1);
        Matcher bounce = ARRIVAL.matcher(theirs.stream().filter(l -> l.contains(" <= <> ")).findFirst().orElseThrow());
        assertThat(bounce.matches()).isTrue();
        String bounceId = bounce.group(1);

        RecordingSink sink = new RecordingSink();
        EximLog log = new EximLog(LogSelector.parse("+subject +received_recipients"), Optional.empty(), sink);
        log.received(Arrival.local(id, "a@x.org", "root", "local", Long.parseLong(first.group(3)))
            .withMessageId("<m1@x.org>").withSubject("hi")
            .withRecipients(List.of("postmaster@test.example", "nobody@test.example", "later@test.example")));
        log.deferred(Delivery.routed(id, "later@test.example", "deferring"), -1, "try again later");
        log.failed(Delivery.routed(id, "nobody@test.example", "failing"), "no such user here");
        log.delivered(Delivery.local(id, "b@test.example", "postmaster@test.example", "local", "mbox"));
        log.delivered(Delivery.local(id, "m@test.example", "postmaster@test.example", "mdir", "mdir"));
        log.received(Arrival.local(bounceId, "", "root", "local", Long.parseLong(bounce.group(3))).withBounceOf(id)
            .withSubject("Mail delivery failed: returning message to sender").withRecipients(List.of("a@x.org")));
        log.delivered(Delivery.local(bounceId, "a@x.org", "a@x.org", "mdir", "mdir"));
        log.completed(bounceId);

        assertThat(sink.main).containsExactlyElementsOf(theirs);
    }
}

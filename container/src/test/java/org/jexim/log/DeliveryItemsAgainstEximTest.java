package org.jexim.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jexim.address.AddressItem;
import org.jexim.transport.DeliveryLog;
import org.jexim.transport.DeliveryResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log_selector items of arrival and delivery lines against the real Exim 4.96: exim4 -odi
 * delivers one message (through an alias and a list to a mailbox and a failing pipe, plus a
 * routing failure and a deferral) with {@code +deliver_time +all_parents +received_sender
 * +receive_time +8bitmime +msg_id_created +received_recipients}; the same events given to
 * jexim's {@link EximDeliveryLog} and {@link EximLog} must give the same lines, with only the
 * measured times (RT=, DT=) masked.
 */
class DeliveryItemsAgainstEximTest {
    private static final Pattern ARRIVAL = Pattern.compile("(\\S+) <= (\\S+) .* S=(\\d+).*");
    @TempDir
    Path dir;

    @Test
    void arrivalAndDeliveryItemsAsEximWritesThem() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/exim4")), "exim4 is not installed");
        assumeTrue("root".equals(System.getProperty("user.name")), "the scratch configure delivers as nobody, which needs root");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(Files.createDirectories(dir.resolve("mail")), PosixFilePermissions.fromString("rwxrwxrwx"));
        String conf = new String(getClass().getResourceAsStream("exim-selectors.conf").readAllBytes(), StandardCharsets.UTF_8)
            .replace("@DIR@", dir.toString());
        Path configure = Files.writeString(dir.resolve("configure"), conf);
        Process exim = new ProcessBuilder("exim4", "-C", configure.toString(), "-odi", "-oep", "-f", "a@test.example",
            "alias@test.example", "nobody@test.example", "later@test.example").redirectErrorStream(true).start();
        exim.getOutputStream().write("Subject: hi\n\nbody\n".getBytes(StandardCharsets.US_ASCII));
        exim.getOutputStream().close();
        String output = new String(exim.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exim.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve("spool/log/mainlog")).as(output).exists();
        List<String> theirs = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("spool/log/mainlog"))) {
            theirs.add(masked(line.substring(20))); // drop "yyyy-mm-dd hh:mm:ss "
        }
        theirs.removeIf(l -> l.startsWith("Warning: purging") || l.startsWith(" Suggested action"));
        Matcher first = ARRIVAL.matcher(theirs.get(0));
        assertThat(first.matches()).as(theirs.get(0)).isTrue();
        String id = first.group(1);
        // then come the bounce's lines, compared elsewhere
        int end = theirs.indexOf(theirs.stream().filter(l -> l.contains(" <= <> ")).findFirst().orElseThrow());

        RecordingSink sink = new RecordingSink();
        EximLog log = new EximLog(LogSelector.parse("+deliver_time +all_parents +received_sender +receive_time +8bitmime"
            + " +msg_id_created +received_recipients"), Optional.empty(), sink);
        log.received(Arrival.local(id, "a@test.example", "root", "local", Long.parseLong(first.group(3)))
            .withCreatedMessageId("<E" + id + "@test.example>").withReceiveTime(Duration.ofMillis(2))
            .withRecipients(List.of("alias@test.example", "nobody@test.example", "later@test.example")));
        EximDeliveryLog deliveries = new EximDeliveryLog(log, Optional.empty(), "mbox p"::contains);
        AddressItem alias = AddressItem.of("alias@test.example");
        AddressItem list = new AddressItem("list", "test.example", alias, Map.of());
        AddressItem b = new AddressItem("b", "test.example", list, Map.of());
        AddressItem pipe = new AddressItem("|/bin/false", "test.example", list, Map.of("address_pipe", "|/bin/false"));
        deliveries.deferred(id, AddressItem.of("later@test.example"), "deferring", null, "try again later");
        deliveries.failed(id, AddressItem.of("nobody@test.example"), "failing", null, "no such user here");
        DeliveryLog timed = deliveries.took(Duration.ofMillis(20));
        timed.delivered(id, b, "local", "mbox", DeliveryResult.OK);
        timed.failed(id, pipe, "list", "p", DeliveryResult.fail("Child process of p transport returned 1 from command: /bin/false"));

        assertThat(sink.main.stream().map(DeliveryItemsAgainstEximTest::masked).toList())
            .containsExactlyElementsOf(theirs.subList(0, end));
    }

    /** The measured times masked; DT=0s of routing outcomes stays. */
    private static String masked(String line) {
        return line.replaceAll(" RT=\\S+", " RT=T").replaceAll(" DT=(?!0s)\\S+", " DT=T");
    }
}

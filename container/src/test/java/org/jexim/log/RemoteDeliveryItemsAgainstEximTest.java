package org.jexim.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jexim.address.AddressItem;
import org.jexim.testkit.SmtpSink;
import org.jexim.transport.DeliveryResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * outgoing_port and incoming_interface (with the default outgoing_interface) on a remote delivery
 * line, against the real Exim 4.96: exim4 -odi delivers to an SMTP sink the test runs; the
 * delivery line jexim's {@link EximDeliveryLog} writes for a connection with the same ports and
 * local address must be the line exim4 wrote (only the local port, chosen by the kernel, is taken
 * from exim4's line).
 */
class RemoteDeliveryItemsAgainstEximTest {
    private static final Pattern DELIVERED = Pattern.compile("(\\S+) => .* I=\\[127\\.0\\.0\\.1\\]:(\\d+)$");
    @TempDir
    Path dir;

    @Test
    void portsAndLocalInterfaceAsEximWritesThem() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/exim4")), "exim4 is not installed");
        assumeTrue("root".equals(System.getProperty("user.name")), "exim4 -C with a spool of its own needs root");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (SmtpSink sink = new SmtpSink()) {
            String conf = new String(getClass().getResourceAsStream("exim-remote.conf").readAllBytes(), StandardCharsets.UTF_8)
                .replace("@DIR@", dir.toString()).replace("@PORT@", Integer.toString(sink.port()));
            Path configure = Files.writeString(dir.resolve("configure"), conf);
            Path spool = Files.createDirectories(dir.resolve("spool"));
            // exim4 must not run the smtp transport as root (fixed_never_users): its own user owns the spool
            Files.setOwner(spool, spool.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("Debian-exim"));
            Process exim = new ProcessBuilder("exim4", "-C", configure.toString(), "-odi", "-f", "a@test.example",
                "bob@remote.example").redirectErrorStream(true).start();
            exim.getOutputStream().write("Subject: hi\n\nbody\n".getBytes(StandardCharsets.US_ASCII));
            exim.getOutputStream().close();
            String output = new String(exim.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(exim.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String line = Files.readAllLines(dir.resolve("spool/log/mainlog")).stream().map(l -> l.substring(20))
                .filter(l -> l.contains(" => ")).findFirst().orElseThrow(() -> new AssertionError(output));
            Matcher m = DELIVERED.matcher(line);
            assertThat(m.matches()).as(line).isTrue();

            RecordingSink log = new RecordingSink();
            EximDeliveryLog deliveries = new EximDeliveryLog(new EximLog(
                LogSelector.parse("+outgoing_port +incoming_interface -smtp_confirmation"), Optional.empty(), log),
                Optional.empty(), t -> false);
            DeliveryResult.Connection c = new DeliveryResult.Connection("127.0.0.1", "127.0.0.1", null, null, false, "250 OK")
                .at(new DeliveryResult.Endpoints(sink.port(), "127.0.0.1", Integer.parseInt(m.group(2))));
            deliveries.delivered(m.group(1), AddressItem.of("bob@remote.example"), "sink", "out", DeliveryResult.ok(c));
            assertThat(log.main).isEqualTo(List.of(line));
        }
    }
}

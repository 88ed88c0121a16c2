package org.jexim.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local parts and domains come from the client: Exim 4.96 refuses to build a mailbox path, a
 * command argument or an autoreply file name from them. The texts are those exim4 -odi logged
 * for the same options (TaintIT runs both side by side); here each transport on its own.
 */
class TransportTaintTest extends TransportFixtures {
    @Test
    void aMailboxNamedAfterTheLocalPartIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Transport t = TransportFactory.create("t_file", "appendfile", Map.of("file", dir + "/$local_part"), CLOCK);
        assertThat(t.deliver(delivery("a@b.example"))).isEqualTo(DeliveryResult.panic("Tainted '" + dir
                + "/jexim' (file or directory name for t_file transport) not permitted"));
        Transport maildir = TransportFactory.create("t_dir", "appendfile", Map.of("directory", dir + "/$domain",
                "maildir_format", "true"), CLOCK);
        assertThat(maildir.deliver(delivery("a@b.example")).message()).isEqualTo("Tainted '" + dir
                + "/mail.example.org' (file or directory name for t_dir transport) not permitted");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void createFileWithAnAbsolutePathConfinesAndDetaintsTheName(@TempDir Path dir) throws Exception {
        Transport t = TransportFactory.create("t", "appendfile", Map.of("file", dir + "/$local_part",
                "create_file", dir.toString()), CLOCK);
        assertThat(unsized(t.deliver(delivery("a@b.example")))).isEqualTo(DeliveryResult.OK);
        assertThat(dir.resolve("jexim")).exists();
    }

    @Test
    void createFileDoesNotDetaintAPathThatClimbsOrFollowsALinkOut(@TempDir Path dir) throws Exception {
        Path inside = Files.createDirectory(dir.resolve("mail"));
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Files.createSymbolicLink(inside.resolve("link"), outside);
        Transport climbing = TransportFactory.create("t", "appendfile", Map.of("file", inside + "/x/../$local_part",
                "create_file", inside.toString()), CLOCK);
        assertThat(climbing.deliver(delivery("a@b.example")).panic()).isTrue();
        Transport linked = TransportFactory.create("t", "appendfile", Map.of("file", inside + "/link/$local_part",
                "create_file", inside.toString()), CLOCK);
        assertThat(linked.deliver(delivery("a@b.example")).message()).isEqualTo("Tainted '" + inside
                + "/link/jexim' (file or directory name for t transport) not permitted");
        try (var files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aCommandArgumentFromTheLocalPartFailsTheAddressButPipeAddressesPass(@TempDir Path dir) throws Exception {
        Transport t = TransportFactory.create("t_pipe", "pipe", Map.of("command", "/bin/echo $local_part"), CLOCK);
        assertThat(t.deliver(delivery("a@b.example"))).isEqualTo(
                DeliveryResult.fail("Tainted arg 1 for t_pipe transport command: 'jexim'"));
        Transport listed = TransportFactory.create("t_pipe", "pipe", Map.of("command",
                "/bin/sh -c 'echo \"\\$@\" > " + dir + "/args' sh $pipe_addresses"), CLOCK);
        assertThat(unsized(listed.deliver(delivery("a@b.example")))).isEqualTo(DeliveryResult.OK);
        assertThat(Files.readString(dir.resolve("args"))).isEqualTo("jexim@mail.example.org\n");
    }

    @Test
    void anAutoreplyOnceFileNamedAfterTheLocalPartDefersWithEacces(@TempDir Path dir) {
        Transport t = TransportFactory.create("t_reply", "autoreply", Map.of("to", "x@b.example", "text", "away",
                "once", dir + "/$local_part.once"), CLOCK);
        DeliveryResult r = t.deliver(delivery("a@b.example"));
        assertThat(r.kind()).isEqualTo(DeliveryResult.Kind.DEFER);
        assertThat(r.errno()).isEqualTo(13);
        assertThat(r.message()).isEqualTo("Permission denied: Tainted '" + dir
                + "/jexim.once' (once file for t_reply transport) not permitted");
    }

    @Test
    void aHostListBuiltFromTheLocalPartIsAConfigurationErrorTheSenderDoesNotSee() {
        Transport t = TransportFactory.create("t_smtp", "smtp", Map.of("hosts", "${sg{$local_part}{^s-}{}}.invalid",
                "hosts_override", "true"), CLOCK);
        assertThat(t.deliver(delivery("a@b.example"))).isEqualTo(DeliveryResult.panic("internal configuration error",
                "attempt to use tainted host list 'jexim.invalid' from '${sg{$local_part}{^s-}{}}.invalid' in transport t_smtp"));
    }
}

package org.jexim.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipeTransportTest extends TransportFixtures {
    @Test
    void commandsAreSplitBeforeExpansionWithEximsQuotes() {
        assertThat(PipeCommand.split("/bin/sh -c \"cat > x; echo 'a b'\"  'single \"q\"' plain\\arg"))
                .containsExactly("/bin/sh", "-c", "cat > x; echo 'a b'", "single \"q\"", "plain\\arg");
    }

    @Test
    void theMessageGoesToTheCommandWithTheMboxPrefixAndEximsEnvironment(@TempDir Path dir) throws Exception {
        Transport t = TransportFactory.create("p", "pipe", Map.of("command",
                "/bin/sh -c \"cat > " + dir + "/in; env | sort > " + dir + "/env\"", "environment", "EXTRA=$local_part"), CLOCK);
        assertThat(unsized(t.deliver(delivery("a@b.example")))).isEqualTo(DeliveryResult.OK);
        assertThat(Files.readString(dir.resolve("in"))).isEqualTo("From a@b.example Sun Nov 22 03:04:05 2026\n"
                + "Subject: hi\nFrom: a@b.example\nX-Old: x\n  continued\n\nFrom me\n.dot\nbody\n\n");
        List<String> env = Files.readAllLines(dir.resolve("env"));
        assertThat(env).contains("DOMAIN=mail.example.org", "LOCAL_PART=jexim", "RECIPIENT=jexim@mail.example.org",
                "SENDER=a@b.example", "PATH=/bin:/usr/bin", "SHELL=/bin/sh", "EXTRA=jexim", "PWD=/", "HOME=");
    }

    @Test
    void exitStatusesFailWithEximsWordsTempErrorsDefer() {
        Transport fail = TransportFactory.create("p", "pipe", Map.of("command", "/bin/sh -c 'exit 67'"), CLOCK);
        assertThat(fail.deliver(delivery("a@b.example"))).isEqualTo(DeliveryResult.fail(
                "Child process of p transport returned 67 (could mean user nonexistent) from command: /bin/sh")
                .withUserMessage("local delivery failed"));
        Transport defer = TransportFactory.create("p", "pipe", Map.of("command", "/bin/sh -c 'exit 75'"), CLOCK);
        assertThat(defer.deliver(delivery("a@b.example"))).isEqualTo(DeliveryResult.defer("Child process of p transport "
                + "returned 75 (could mean temporary error) from command: /bin/sh").withErrno(0)
                .withUserMessage("local delivery failed"));
        Transport ignored = TransportFactory.create("p", "pipe", Map.of("command", "/bin/sh -c 'exit 1'",
                "ignore_status", "true"), CLOCK);
        assertThat(unsized(ignored.deliver(delivery("a@b.example")))).isEqualTo(DeliveryResult.OK);
    }

    @Test
    void aCommandThatCannotRunFailsWithStatus127OrFreezesWithFreezeExecFail() {
        // texts and errno as exim4 -odi logged them for "command = /nonexistent/prog arg"
        Transport plain = TransportFactory.create("p", "pipe", Map.of("command", "/nonexistent/prog arg"), CLOCK);
        assertThat(plain.deliver(delivery("a@b.example"))).isEqualTo(DeliveryResult.fail("Child process of p transport "
                + "returned 127 (could mean unable to exec or command does not exist) from command: /nonexistent/prog")
                .withUserMessage("local delivery failed"));
        Transport freezing = TransportFactory.create("p", "pipe", Map.of("command", "/nonexistent/prog arg",
                "freeze_exec_fail", "true"), CLOCK);
        DeliveryResult r = freezing.deliver(delivery("a@b.example"));
        assertThat(r.kind()).isEqualTo(DeliveryResult.Kind.DEFER);
        assertThat(r.message()).isEqualTo("pipe process failed to exec \"/nonexistent/prog arg\"");
        assertThat(r.errno()).isZero();
        assertThat(r.freeze()).isTrue();
    }

    @Test
    void returnFailOutputKeepsTheOutputForTheBounce() {
        Transport t = TransportFactory.create("p", "pipe", Map.of("command", "/bin/sh -c 'echo nope; exit 1'",
                "return_fail_output", "true"), CLOCK);
        DeliveryResult r = t.deliver(delivery("a@b.example"));
        assertThat(r.kind()).isEqualTo(DeliveryResult.Kind.FAIL);
        assertThat(r.output()).isEqualTo("nope\n");
    }

    @Test
    void aCommandOverItsTimeoutIsKilledAndFails() {
        Transport t = TransportFactory.create("p", "pipe", Map.of("command", "/bin/sleep 5", "timeout", "1s"), CLOCK);
        long start = System.nanoTime();
        DeliveryResult r = t.deliver(delivery("a@b.example"));
        assertThat(r.kind()).isEqualTo(DeliveryResult.Kind.FAIL);
        assertThat(r.message()).startsWith("Command timed out");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4000);
    }

    @Test
    void asRootTheCommandRunsAsTheTransportsUser(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")));
        java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Transport t = TransportFactory.create("p", "pipe", Map.of("command",
                "/bin/sh -c \"id -un > " + dir + "/who; id -gn >> " + dir + "/who\"", "user", "nobody", "group", "nogroup"), CLOCK);
        assertThat(unsized(t.deliver(delivery("a@b.example")))).isEqualTo(DeliveryResult.OK);
        assertThat(java.nio.file.Files.readString(dir.resolve("who"))).isEqualTo("nobody\nnogroup\n");
    }

    @Test
    void aBatchRunsTheCommandOnceWithPipeAddressesAndTheBsmtpEnvelope(@TempDir Path dir) throws Exception {
        Transport t = TransportFactory.create("p", "pipe", Map.of("command",
                "/bin/sh -c 'echo \"\\$0 \\$1\" > " + dir + "/args; cat > " + dir + "/in' $pipe_addresses", "batch_max", "5",
                "use_bsmtp", "true"), CLOCK);
        List<DeliveryResult> rs = t.deliverAll(List.of(delivery("a@b.example"), delivery("a@b.example")));
        assertThat(unsized(rs.get(0))).isEqualTo(DeliveryResult.OK);
        assertThat(rs.get(1).additional()).isTrue();
        assertThat(java.nio.file.Files.readString(dir.resolve("args"))).isEqualTo("jexim@mail.example.org jexim@mail.example.org\n");
        assertThat(java.nio.file.Files.readString(dir.resolve("in"))).startsWith("MAIL FROM:<a@b.example>\n"
                + "RCPT TO:<jexim@mail.example.org>\nRCPT TO:<jexim@mail.example.org>\nDATA\nSubject: hi\n")
                .endsWith("\n\nFrom me\n..dot\nbody\n.\n");
    }
}

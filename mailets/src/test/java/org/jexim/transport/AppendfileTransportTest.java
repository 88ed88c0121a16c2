package org.jexim.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppendfileTransportTest extends TransportFixtures {
    @Test
    void maildirFileHasEximsNameAndHeaders(@TempDir Path dir) throws Exception {
        Transport t = TransportFactory.create("local", "appendfile", Map.of("directory", dir + "/jexim",
                "maildir_format", "true", "delivery_date_add", "true", "envelope_to_add", "true",
                "return_path_add", "true"), CLOCK);
        assertThat(t.deliver(delivery("a@b.example"))).isEqualTo(DeliveryResult.OK);
        List<Path> files = Files.list(dir.resolve("jexim/new")).toList();
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString())
                .isEqualTo("1795316645.M123456P" + ProcessHandle.current().pid() + ".mail.example.org");
        assertThat(Files.readString(files.get(0))).isEqualTo("Return-path: <a@b.example>\n"
                + "Envelope-to: postmaster@localhost\n"
                + "Delivery-date: Sun, 22 Nov 2026 03:04:05 +0000\n"
                + "Subject: hi\nFrom: a@b.example\nX-Old: x\n  continued\n\nFrom me\n.dot\nbody\n");
        assertThat(dir.resolve("jexim/tmp")).isEmptyDirectory();
        assertThat(dir.resolve("jexim/cur")).isEmptyDirectory();
    }

    @Test
    void mboxGetsFromLineEscapingAndBlankLine(@TempDir Path dir) throws Exception {
        Transport t = TransportFactory.create("local", "appendfile", Map.of("file", dir + "/mbox"), CLOCK);
        assertThat(t.deliver(delivery(""))).isEqualTo(DeliveryResult.OK);
        assertThat(t.deliver(delivery("a@b.example"))).isEqualTo(DeliveryResult.OK);
        String one = "Subject: hi\nFrom: a@b.example\nX-Old: x\n  continued\n\n>From me\n.dot\nbody\n\n";
        assertThat(Files.readString(dir.resolve("mbox"))).isEqualTo(
                "From MAILER-DAEMON Sun Nov 22 03:04:05 2026\n" + one
                + "From a@b.example Sun Nov 22 03:04:05 2026\n" + one);
    }

    @Test
    void mboxFileIsCreatedWithModeAndTheLockFileIsGone(@TempDir Path dir) throws Exception {
        Transport t = TransportFactory.create("local", "appendfile", Map.of("file", dir + "/sub/mbox"), CLOCK);
        assertThat(t.deliver(delivery("a@b.example"))).isEqualTo(DeliveryResult.OK);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("sub/mbox")))).isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("sub")))).isEqualTo("rwx------");
        assertThat(dir.resolve("sub/mbox.lock")).doesNotExist();
    }

    @Test
    void singleDigitDaysArePaddedWithASpaceAsTodBsdinboxDoes(@TempDir Path dir) throws Exception {
        Clock early = Clock.fixed(Instant.parse("2026-11-02T03:04:05Z"), ZoneOffset.UTC);
        Transport t = TransportFactory.create("local", "appendfile", Map.of("file", dir + "/mbox",
                "delivery_date_add", "true"), early);
        assertThat(t.deliver(delivery("a@b.example"))).isEqualTo(DeliveryResult.OK);
        assertThat(Files.readString(dir.resolve("mbox"))).startsWith("From a@b.example Mon Nov  2 03:04:05 2026\n"
                + "Delivery-date: Mon, 2 Nov 2026 03:04:05 +0000\n");
    }

    @Test
    void prefixSuffixCheckStringAndHeaderOptionsReplaceTheMboxDefaults(@TempDir Path dir) throws Exception {
        Transport t = TransportFactory.create("custom", "appendfile", Map.of("file", dir + "/mbox",
                "message_prefix", "\"BEGIN $local_part\\n\"", "message_suffix", "\"END\\n\"",
                "check_string", "\".\"", "escape_string", "\"..\"",
                "headers_add", "X-Delivered-By: $transport_name", "headers_remove", "X-Old:From"), CLOCK);
        assertThat(t.deliver(delivery("a@b.example"))).isEqualTo(DeliveryResult.OK);
        assertThat(Files.readString(dir.resolve("mbox"))).isEqualTo("BEGIN jexim\n"
                + "Subject: hi\nX-Delivered-By: custom\n\nFrom me\n..dot\nbody\nEND\n");
    }

    @Test
    void fileMustExistDefersAndCreatesNothing(@TempDir Path dir) {
        Transport t = TransportFactory.create("local", "appendfile", Map.of("file", dir + "/mbox",
                "file_must_exist", "true"), CLOCK);
        DeliveryResult r = t.deliver(delivery("a@b.example"));
        assertThat(r).isEqualTo(DeliveryResult.defer("File " + dir + "/mbox does not exist"));
        assertThat(dir.resolve("mbox")).doesNotExist();
    }

    @Test
    void quotaDefersWithEximsWordsAndLeavesTheMailboxAlone(@TempDir Path dir) throws Exception {
        Transport t = TransportFactory.create("local", "appendfile", Map.of("file", dir + "/mbox", "quota", "200"), CLOCK);
        assertThat(t.deliver(delivery("a@b.example"))).isEqualTo(DeliveryResult.OK);
        long size = Files.size(dir.resolve("mbox"));
        assertThat(t.deliver(delivery("a@b.example"))).isEqualTo(DeliveryResult.defer(
                "mailbox is full (MTA-imposed quota exceeded while writing to " + dir + "/mbox)"));
        assertThat(Files.size(dir.resolve("mbox"))).isEqualTo(size);
    }

    @Test
    void aHeldLockFileDefersTheDelivery(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mbox.lock"), "");
        Transport t = TransportFactory.create("local", "appendfile", Map.of("file", dir + "/mbox",
                "lock_retries", "0"), CLOCK);
        DeliveryResult r = t.deliver(delivery("a@b.example"));
        assertThat(r.kind()).isEqualTo(DeliveryResult.Kind.DEFER);
        assertThat(r.message()).contains("failed to lock mailbox");
        assertThat(Files.size(dir.resolve("mbox"))).isZero();
    }

    @Test
    void unsupportedDriversDeferWithAReason() {
        Transport t = TransportFactory.create("vacation", "queryprogram", Map.of(), CLOCK);
        DeliveryResult r = t.deliver(delivery("a@b.example"));
        assertThat(r.kind()).isEqualTo(DeliveryResult.Kind.DEFER);
        assertThat(r.message()).isEqualTo("vacation transport: driver queryprogram is not implemented in jexim yet");
    }
}

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
        assertThat(unsized(t.deliver(delivery("a@b.example")))).isEqualTo(DeliveryResult.OK);
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
        assertThat(unsized(t.deliver(delivery("")))).isEqualTo(DeliveryResult.OK);
        assertThat(unsized(t.deliver(delivery("a@b.example")))).isEqualTo(DeliveryResult.OK);
        String one = "Subject: hi\nFrom: a@b.example\nX-Old: x\n  continued\n\n>From me\n.dot\nbody\n\n";
        assertThat(Files.readString(dir.resolve("mbox"))).isEqualTo(
                "From MAILER-DAEMON Sun Nov 22 03:04:05 2026\n" + one
                + "From a@b.example Sun Nov 22 03:04:05 2026\n" + one);
    }

    @Test
    void mboxFileIsCreatedWithModeAndTheLockFileIsGone(@TempDir Path dir) throws Exception {
        Transport t = TransportFactory.create("local", "appendfile", Map.of("file", dir + "/sub/mbox"), CLOCK);
        assertThat(unsized(t.deliver(delivery("a@b.example")))).isEqualTo(DeliveryResult.OK);
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
        assertThat(unsized(t.deliver(delivery("a@b.example")))).isEqualTo(DeliveryResult.OK);
        assertThat(Files.readString(dir.resolve("mbox"))).startsWith("From a@b.example Mon Nov  2 03:04:05 2026\n"
                + "Delivery-date: Mon, 2 Nov 2026 03:04:05 +0000\n");
    }

    @Test
    void prefixSuffixCheckStringAndHeaderOptionsReplaceTheMboxDefaults(@TempDir Path dir) throws Exception {
        Transport t = TransportFactory.create("custom", "appendfile", Map.of("file", dir + "/mbox",
                "message_prefix", "\"BEGIN $local_part\\n\"", "message_suffix", "\"END\\n\"",
                "check_string", "\".\"", "escape_string", "\"..\"",
                "headers_add", "X-Delivered-By: $transport_name", "headers_remove", "X-Old:From"), CLOCK);
        assertThat(unsized(t.deliver(delivery("a@b.example")))).isEqualTo(DeliveryResult.OK);
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
        // as in Exim, the mailbox (114 bytes after one delivery) plus the message's spool size (70) is checked before writing
        Transport t = TransportFactory.create("local", "appendfile", Map.of("file", dir + "/mbox", "quota", "150"), CLOCK);
        assertThat(unsized(t.deliver(delivery("a@b.example")))).isEqualTo(DeliveryResult.OK);
        long size = Files.size(dir.resolve("mbox"));
        assertThat(t.deliver(delivery("a@b.example"))).isEqualTo(DeliveryResult.defer(
                "mailbox is full (MTA-imposed quota exceeded while writing to " + dir + "/mbox)"));
        assertThat(Files.size(dir.resolve("mbox"))).isEqualTo(size);
    }

    @Test
    void theDeliveryThatCrossesQuotaWarnThresholdSendsEximsWarningOnce(@TempDir Path dir) throws Exception {
        // 20% of 1000: the second message (114 bytes of mbox each) takes the mailbox from 114 to 228
        Transport t = TransportFactory.create("local", "appendfile", Map.of("file", dir + "/mbox", "quota", "1000",
                "quota_warn_threshold", "20%"), CLOCK);
        List<String> sent = new java.util.ArrayList<>();
        ((SubmitsMessages) t).sender((to, message) -> sent.add(to + "\n" + new String(message,
                java.nio.charset.StandardCharsets.ISO_8859_1).replaceAll("Message-Id: <[^>]*>", "Message-Id: <ID>")));
        for (int i = 0; i < 3; i++) {
            assertThat(unsized(t.deliver(delivery("a@b.example")))).isEqualTo(DeliveryResult.OK);
            assertThat(sent).hasSize(i == 0 ? 0 : 1);
        }
        // the text exim4 4.96 sent for the default quota_warn_message, its Received: aside
        assertThat(sent.get(0)).isEqualTo("[jexim@mail.example.org]\n"
                + "Auto-Submitted: auto-replied\r\nFrom: Mail Delivery System <Mailer-Daemon@mail.example.org>\r\n"
                + "To: jexim@mail.example.org\r\nSubject: Your mailbox\r\nMessage-Id: <ID>\r\n"
                + "Date: Sun, 22 Nov 2026 03:04:05 +0000\r\n\r\n"
                + "This message is automatically created by mail delivery software (Exim).\r\n\r\n"
                + "The size of your mailbox has exceeded a warning threshold that is\r\n"
                + "set by the system administrator.\r\n");
    }

    @Test
    void maildirUseSizeFileKeepsEximsMaildirsize(@TempDir Path dir) throws Exception {
        // exim4 4.96 wrote "10240S,0C\n0 0\n" then one "SIZE 1" line per delivery
        Transport t = TransportFactory.create("local", "appendfile", Map.of("directory", dir + "/md",
                "maildir_format", "true", "maildir_use_size_file", "true", "quota", "10K"), CLOCK);
        assertThat(unsized(t.deliver(delivery("a@b.example")))).isEqualTo(DeliveryResult.OK);
        assertThat(unsized(t.deliver(delivery("a@b.example")))).isEqualTo(DeliveryResult.OK);
        assertThat(Files.readString(dir.resolve("md/maildirsize"))).isEqualTo("10240S,0C\n0 0\n70 1\n70 1\n");
    }

    @Test
    void mbxFormatWritesTheHeaderBlockAndASeparatorWithTheCrlfSize(@TempDir Path dir) throws Exception {
        Transport t = TransportFactory.create("local", "appendfile", Map.of("file", dir + "/mbx", "mbx_format", "true",
                "message_prefix", "", "message_suffix", ""), CLOCK);
        assertThat(unsized(t.deliver(delivery("a@b.example")))).isEqualTo(DeliveryResult.OK);
        assertThat(unsized(t.deliver(delivery("a@b.example")))).isEqualTo(DeliveryResult.OK);
        byte[] all = Files.readAllBytes(dir.resolve("mbx"));
        String header = "*mbx*\r\n" + Long.toHexString(CLOCK.instant().getEpochSecond()) + "00000000\r\n" + "\r\n".repeat(30);
        assertThat(new String(all, 0, header.length(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(header);
        assertThat(all[2047]).isZero();
        // as exim4 wrote it: the mbox escaping stays, lines end in CRLF, the separator gives their size
        String one = "22-Nov-2026 03:04:05 +0000,79;000000000000-00000000\r\n"
                + "Subject: hi\r\nFrom: a@b.example\r\nX-Old: x\r\n  continued\r\n\r\n>From me\r\n.dot\r\nbody\r\n";
        assertThat(new String(all, 2048, all.length - 2048, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(one + one);
    }

    @Test
    void mailstoreFormatWritesTheEnvelopeAndTheMessageBesideIt(@TempDir Path dir) throws Exception {
        Transport t = TransportFactory.create("local", "appendfile", Map.of("directory", dir + "/ms",
                "mailstore_format", "true", "mailstore_prefix", "PREFIX $mailstore_basename", "mailstore_suffix", "SUFFIX"),
                CLOCK);
        assertThat(unsized(t.deliver(delivery("a@b.example")))).isEqualTo(DeliveryResult.OK);
        String base = dir + "/ms/-" + AppendfileTransport.base62(ProcessHandle.current().pid());
        assertThat(Files.readString(Path.of(base + ".env"))).isEqualTo("PREFIX " + base + "\na@b.example\n"
                + "jexim@mail.example.org\nSUFFIX\n");
        assertThat(Files.readString(Path.of(base + ".msg"))).isEqualTo(
                "Subject: hi\nFrom: a@b.example\nX-Old: x\n  continued\n\nFrom me\n.dot\nbody\n");
        assertThat(Path.of(base + ".tmp")).doesNotExist();
    }

    @Test
    void aHeldLockFileDefersTheDelivery(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mbox.lock"), "");
        Transport t = TransportFactory.create("local", "appendfile", Map.of("file", dir + "/mbox",
                "lock_retries", "0"), CLOCK);
        DeliveryResult r = t.deliver(delivery("a@b.example"));
        assertThat(r.kind()).isEqualTo(DeliveryResult.Kind.DEFER);
        assertThat(r.message()).isEqualTo("failed to lock mailbox " + dir.resolve("mbox") + " (lock file)");
        assertThat(r.errno()).isEqualTo(-9);
        assertThat(Files.size(dir.resolve("mbox"))).isZero();
    }

    /**
     * MBX locking as exim4 4.96 does it (checked by hand with exim4 -odi, lock_retries = 1,
     * lock_interval = 1s, a process holding an exclusive fcntl lock on /tmp/.DEV.INODE):
     * "== ... defer (-9): failed to lock mailbox FILE (fcntl/flock)"; with nobody holding it, the
     * message is delivered and /tmp/.DEV.INODE does not remain.
     */
    @Test
    void mbxLockingUsesTheLockFileInTmpThatCClientReadersShare(@TempDir Path dir) throws Exception {
        Transport t = TransportFactory.create("local", "appendfile", Map.of("file", dir + "/mbx", "mbx_format", "true",
                "lock_retries", "1", "lock_interval", "1s"), CLOCK);
        assertThat(t.deliver(delivery("a@b.example")).kind()).isEqualTo(DeliveryResult.Kind.OK);
        Path lockName = MbxLock.lockName(dir.resolve("mbx"));
        assertThat(lockName.toString()).matches("/tmp/\\.[0-9a-f]+\\.[0-9a-f]+");
        assertThat(lockName).doesNotExist();
        assertThat(dir.resolve("mbx.lock")).doesNotExist();
        long size = Files.size(dir.resolve("mbx"));

        // a reader (another process, as a c-client program would be) holds the MBX lock
        Process holder = new ProcessBuilder("python3", "-c", "import fcntl,os,sys,time\n"
                + "fd=os.open(sys.argv[1],os.O_RDWR|os.O_CREAT,0o600)\nfcntl.lockf(fd,fcntl.LOCK_EX)\n"
                + "print('locked',flush=True)\nsys.stdin.read()", lockName.toString()).start();
        try {
            assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine())
                    .isEqualTo("locked");
            DeliveryResult r = t.deliver(delivery("a@b.example"));
            assertThat(r.kind()).isEqualTo(DeliveryResult.Kind.DEFER);
            assertThat(r.message()).isEqualTo("failed to lock mailbox " + dir.resolve("mbx") + " (fcntl/flock)");
            assertThat(r.errno()).isEqualTo(-9);
            assertThat(Files.size(dir.resolve("mbx"))).isEqualTo(size);
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
            Files.deleteIfExists(lockName);
        }
        assertThat(t.deliver(delivery("a@b.example")).kind()).isEqualTo(DeliveryResult.Kind.OK);
        assertThat(Files.size(dir.resolve("mbx"))).isGreaterThan(size);
        assertThat(lockName).doesNotExist();
    }

    @Test
    void unsupportedDriversDeferWithAReason() {
        Transport t = TransportFactory.create("vacation", "queryprogram", Map.of(), CLOCK);
        DeliveryResult r = t.deliver(delivery("a@b.example"));
        assertThat(r.kind()).isEqualTo(DeliveryResult.Kind.DEFER);
        assertThat(r.message()).isEqualTo("vacation transport: driver queryprogram is not implemented in jexim yet");
    }
}

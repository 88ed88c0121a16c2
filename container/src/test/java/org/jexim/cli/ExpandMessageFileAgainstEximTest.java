package org.jexim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * -bem FILE side by side with exim4: the file is read as a locally submitted test message (a
 * "From " line sets the sender, Return-path: the return path, a "." line ends it, Message-Id:,
 * From: and Date: are added) and the message and header variables expand as exim4 prints them.
 */
class ExpandMessageFileAgainstEximTest {
    private static final List<String> EXPANSIONS = List.of("[$message_headers]", "[$message_headers_raw]",
            "$message_size|$body_linecount|$message_linecount|$message_body_size|$recipients_count",
            "$sender_address|<$return_path>|$sender_ident|$authenticated_id|<$received_protocol>",
            "[$message_body]|[$message_body_end]", "$h_subject:|$rh_subject:|$bh_x-b:|$reply_address",
            "${if eq{$message_exim_id}{$message_id}{same id}}");
    private static final List<String> MESSAGES = List.of(
            "just a body line\nand another\n",
            "From someone@x.example Sun Nov 22 10:00:00 2026\nReturn-path: <rp@x.example>\nSubject: s\n\nbody\n.\nafter the dot\n",
            "Subject: =?utf-8?q?hello=0D=0ABcc:_evil@x.example?=\nX-B: =?utf-8?b?YQpCY2M6IGV2aWxAeC5leGFtcGxl?=\n"
                    + "From: a@b.example\nReply-To: r@b.example\n\nbody\n",
            "X-Spam-Flag: YES\nSubject: folded\n  subject\nDate: Mon, 1 Jan 2024 00:00:00 +0000\n\nno newline at the end");

    @TempDir
    Path dir;

    @Test
    void theMessageVariablesOfATestMessageFile() throws Exception {
        assumeTrue(ScratchSpool.eximUsable(), "needs /usr/sbin/exim4 and root");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x")); // exim4 reads as Debian-exim
        ScratchSpool spool = new ScratchSpool(dir.resolve("spool"));
        for (int i = 0; i < MESSAGES.size(); i++) {
            Path file = dir.resolve("message" + i);
            Files.writeString(file, MESSAGES.get(i), StandardCharsets.ISO_8859_1);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            List<String> args = new ArrayList<>(List.of("-bem", file.toString()));
            args.addAll(EXPANSIONS);
            ScratchSpool.Result theirs = spool.exim(args.toArray(new String[0]));
            ScratchSpool.Result ours = spool.jexim(args.toArray(new String[0]));
            assertThat(masked(ours.out())).as(MESSAGES.get(i)).isEqualTo(masked(theirs.out()));
            assertThat(ours.status()).isEqualTo(theirs.status());
        }
    }

    @Test
    void aMissingFileIsEximsError() throws Exception {
        assumeTrue(ScratchSpool.eximUsable(), "needs /usr/sbin/exim4 and root");
        ScratchSpool spool = new ScratchSpool(dir.resolve("spool"));
        String[] args = {"-bem", dir.resolve("missing").toString(), "$message_size"};
        ScratchSpool.Result ours = spool.jexim(args);
        assertThat(ours.err()).isEqualTo(spool.exim(args).err()).isEqualTo("exim: failed to open " + dir.resolve("missing")
                + ": No such file or directory\n");
        assertThat(ours.status()).isEqualTo(1);
    }

    /** Message ids and the Date: and Message-Id: a submission gets differ from run to run. */
    private static String masked(String out) {
        return out.replaceAll("1xV[0-9A-Za-z]{3}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}", "ID")
                .replaceAll("\\w{3}, \\d{1,2} \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d [-+]\\d{4}", "DATE");
    }
}

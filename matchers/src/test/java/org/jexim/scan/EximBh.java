package org.jexim.scan;

import org.jexim.testkit.Daemon;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real Exim 4.96 as an oracle: one {@code exim4 -bh} session whose DATA ACL denies on one condition. */
final class EximBh {
    private static final Path EXIM = Path.of("/usr/sbin/exim4");

    private EximBh() {
    }

    static boolean available() {
        return Files.isExecutable(EXIM);
    }

    /** The (unfolded) 550 reply of {@code deny CONDITION message = MESSAGE} with {@code option} set. */
    static String dataReply(Path dir, String option, String condition, String message) throws Exception {
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            // exim4 drops to its own user before writing the scan file
            Files.setOwner(spool, spool.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("Debian-exim"));
        } catch (FileSystemException e) {
            Files.setPosixFilePermissions(spool, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Path conf = dir.resolve("configure");
        Files.writeString(conf, "spool_directory = " + spool + "\n" + option + "\n"
                + "acl_smtp_rcpt = acl_rcpt\nacl_smtp_data = acl_data\nbegin acl\nacl_rcpt:\n  accept\n"
                + "acl_data:\n  deny " + condition + "\n       message = " + message + "\n");
        Process p = new ProcessBuilder(EXIM.toString(), "-C", conf.toString(), "-bh", "127.0.0.1").start();
        p.getOutputStream().write(("HELO x.example\r\nMAIL FROM:<a@x.example>\r\nRCPT TO:<b@y.example>\r\nDATA\r\n"
                + "Subject: hi\r\n\r\nhello\r\n" + Daemon.EICAR + "\r\n.\r\nQUIT\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        // Exim folds a long reply at a space into 550- continuation lines
        List<String> parts = out.lines().filter(l -> l.startsWith("550")).map(l -> l.substring(4)).toList();
        return parts.isEmpty() ? "no 550 in: " + out : "550 " + String.join(" ", parts);
    }
}

package org.jexim.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A private Dovecot master serving LMTP on a Unix socket (Debian's dovecot-lmtpd; needs root), with
 * one mailbox user, alice, whose messages land in {@code home/alice/Maildir}: the real LMTP
 * server of the lmtp transport's tests.
 */
public final class DovecotLmtp implements AutoCloseable {
    public static final Path LMTP = Path.of("/usr/lib/dovecot/lmtp");
    private final Path dir;
    private final Process dovecot;

    private DovecotLmtp(Path dir, Process dovecot) {
        this.dir = dir;
        this.dovecot = dovecot;
    }

    public static boolean available() {
        return Files.isExecutable(LMTP) && Files.isExecutable(Path.of("/usr/sbin/dovecot"))
                && "root".equals(System.getProperty("user.name"));
    }

    public static DovecotLmtp start() throws Exception {
        Path dir = Files.createTempDirectory("lmtp");
        for (String sub : List.of("run", "state", "home/alice")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.writeString(dir.resolve("users"), "alice::8:8::" + dir + "/home/alice::\n");
        Files.writeString(dir.resolve("dovecot.conf"), String.join("\n",
                "base_dir = " + dir + "/run", "state_dir = " + dir + "/state", "log_path = " + dir + "/dovecot.log",
                "protocols = lmtp", "ssl = no", "mail_location = maildir:~/Maildir", "first_valid_uid = 1",
                "auth_username_format = %n",
                "userdb {", "  driver = passwd-file", "  args = " + dir + "/users", "}",
                "passdb {", "  driver = passwd-file", "  args = " + dir + "/users", "}",
                "service lmtp {", "  unix_listener " + dir + "/lmtp {", "    mode = 0666", "  }", "}", ""));
        new ProcessBuilder("chown", "-R", "mail", dir.resolve("home").toString()).start().waitFor();
        new ProcessBuilder("chmod", "755", dir.toString()).start().waitFor(); // dovecot's auth process reads users
        Process dovecot = new ProcessBuilder("/usr/sbin/dovecot", "-c", dir + "/dovecot.conf", "-F").redirectErrorStream(true)
                .redirectOutput(dir.resolve("console").toFile()).start();
        for (int i = 0; i < 100 && !(Files.exists(dir.resolve("lmtp")) && Files.exists(dir.resolve("run/auth-userdb"))); i++) {
            Thread.sleep(50);
        }
        return new DovecotLmtp(dir, dovecot);
    }

    /** The Unix socket LMTP is served on. */
    public Path socket() {
        return dir.resolve("lmtp");
    }

    /** The configuration file, for running Dovecot's lmtp binary on standard input and output. */
    public Path configuration() {
        return dir.resolve("dovecot.conf");
    }

    /** alice's Maildir/new. */
    public Path aliceNew() {
        return dir.resolve("home/alice/Maildir/new");
    }

    @Override
    public void close() throws Exception {
        dovecot.destroy();
        dovecot.waitFor();
    }
}

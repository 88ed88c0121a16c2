package org.jexim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jexim.testkit.Daemon;
import org.jexim.testkit.LoopbackDnsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The seeds' anti-spam ACLs in a running ./jexim -bd, with real spamd and clamd and a DNS
 * server on loopback, driven by swaks: GTUBE refused with the configured message, EICAR
 * refused with the virus name, clean mail delivered; at RCPT an SPF failure refused with
 * $spf_smtp_comment and a listed host with $dnslist_text; a scanner that is down defers (451).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AntispamIT {
    static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    static final String ZONE = String.join("\n", "$TTL 300", "@ IN SOA ns.test. h.test. 1 3600 600 86400 300",
            "@ IN NS ns.test.", "2.0.0.127.bl IN A 127.0.0.2",
            "2.0.0.127.bl IN TXT \"127.0.0.2 is listed at bl.test\"",
            "spf IN TXT \"v=spf1 ip4:192.0.2.1 -all\"", "");

    Path home;
    Path daemons;
    int port;
    Daemon spamd;
    Daemon clamd;
    LoopbackDnsServer dns;
    String startOutput;
    java.security.KeyPair dkimKey;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/swaks")), "swaks is not installed");
        daemons = Files.createTempDirectory("jexim-antispam-daemons");
        Files.setPosixFilePermissions(daemons, PosixFilePermissions.fromString("rwxr-xr-x"));
        spamd = Daemon.spamd(Files.createDirectories(daemons.resolve("spamd")));
        clamd = Daemon.clamd(Files.createDirectories(daemons.resolve("clamd")));
        assumeTrue(spamd != null && clamd != null, "spamd and clamd are needed");
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        dkimKey = g.generateKeyPair();
        String record = "v=DKIM1; k=rsa; p=" + java.util.Base64.getEncoder().encodeToString(dkimKey.getPublic().getEncoded());
        StringBuilder txt = new StringBuilder();
        for (int i = 0; i < record.length(); i += 255) {
            txt.append('"').append(record, i, Math.min(record.length(), i + 255)).append("\" ");
        }
        dns = new LoopbackDnsServer(Map.of("test.", ZONE + "sel._domainkey.dkim IN TXT " + txt + "\n"), daemons);

        home = Files.createTempDirectory("jexim-antispam");
        for (String f : List.of("aliases", "users")) {
            Files.copy(Jexim.ROOT.resolve(f), home.resolve(f));
        }
        String conf = Files.readString(Jexim.ROOT.resolve("configure"))
                .replace("acl_smtp_rcpt = acl_check_rcpt\n", "acl_smtp_rcpt = acl_check_rcpt\n"
                        + "acl_smtp_data = acl_check_data\nacl_smtp_mime = acl_check_mime\nacl_smtp_dkim = acl_check_dkim\nspamd_address = 127.0.0.1 ${if eq{$h_subject:}{down}{"
                        + Jexim.freePort() + "}{" + spamd.port() + "}}\n"
                        + "av_scanner = clamd:" + clamd.socket() + "\n")
                .replace("  accept  hosts         = :\n", "  accept  hosts         = :\n"
                        + "  deny    spf           = fail\n"
                        + "          message       = SPF check failed: $spf_smtp_comment\n"
                        + "          log_message   = SPF check failed: $spf_result\n"
                        + "  deny    dnslists      = bl.test\n"
                        + "          message       = $sender_host_address blacklisted ($dnslist_text)\n")
                .replace("begin routers\n", "acl_check_dkim:\n"
                        + "  deny    dkim_status = fail\n"
                        + "          message     = DKIM signature of $dkim_domain failed ($dkim_verify_reason)\n"
                        + "  warn    add_header  = X-DKIM: $dkim_cur_signer $dkim_verify_status\n"
                        + "  accept\n\nacl_check_mime:\n"
                        + "  deny    condition  = ${if match{$mime_filename}{\\N(?i)\\.(exe|pif|scr|vbs|bat|com)$\\N}}\n"
                        + "          message    = Blocked attachment $mime_filename\n"
                        + "  accept\n\nacl_check_data:\n"
                        + "  deny    malware    = *\n"
                        + "          message    = This message contains a virus ($malware_name).\n"
                        + "  deny    spam       = nobody\n"
                        + "          message    = Possible spam detected\n"
                        + "  warn    spam       = nobody:true\n"
                        + "          add_header = X-Spam_score: $spam_score\\n\\\n"
                        + "                       X-Spam_score_int: $spam_score_int\\n\\\n"
                        + "                       X-Spam_bar: $spam_bar\n"
                        + "  accept\n\nbegin routers\n");
        Files.writeString(home.resolve("configure"), conf);
        port = Jexim.freePort();
        ProcessBuilder pb = new ProcessBuilder(Jexim.ROOT.resolve("jexim").toString(), "-C", home.resolve("configure").toString(),
                "-DJEXIM_HOME=" + home, "-DJEXIM_DNS_SERVERS=" + dns.servers(), "-oX", port + " : " + Jexim.freePort(), "-bd").redirectErrorStream(true);
        pb.environment().put("JEXIM_NO_BUILD", "1");
        Process p = pb.start();
        startOutput = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(300, TimeUnit.SECONDS);
        assertThat(p.exitValue()).as(startOutput).isZero();
    }

    @AfterAll
    void stop() throws Exception {
        if (home != null) {
            Jexim.stop(home.resolve("var/spool"));
        }
        for (AutoCloseable c : new AutoCloseable[] {spamd, clamd, dns}) {
            if (c != null) {
                c.close();
            }
        }
    }

    /**
     * Runs swaks; returns the server's reply to the command {@code after} (e.g. " -> ." or
     * " -> RCPT TO:<x>"), a multi-line reply joined into one line at its folds, as a user reads it.
     */
    private String replyTo(String after, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("swaks", "--server", "127.0.0.1:" + port));
        cmd.addAll(List.of(args));
        Jexim.Result r = Jexim.run(cmd);
        List<String> lines = r.output().lines().toList();
        int i = lines.indexOf(after);
        assertThat(i).as(r.output()).isPositive();
        StringBuilder reply = new StringBuilder(lines.get(i + 1));
        for (int j = i + 1; lines.get(j).length() > 7 && lines.get(j).charAt(7) == '-'; j++) {
            reply.append(' ').append(lines.get(j + 1).substring(8));
        }
        return reply.length() > 7 && reply.charAt(7) == '-' ? reply.replace(7, 8, " ").toString() : reply.toString();
    }

    @Test
    void gtubeIsRefusedWithTheConfiguredMessage() throws Exception {
        assertThat(replyTo(" -> .", "--from", "someone@example.org", "--to", "postmaster@localhost",
                "--body", "This is spam.\n" + GTUBE + "\n")).isEqualTo("<** 550 Possible spam detected");
    }

    /** clamd names a signature from a local .ndb file NAME.UNOFFICIAL; Exim shows what clamd says. */
    @Test
    void eicarIsRefusedWithTheVirusName() throws Exception {
        assertThat(replyTo(" -> .", "--from", "someone@example.org", "--to", "postmaster@localhost",
                "--body", Daemon.EICAR + "\n")).isEqualTo("<** 550 This message contains a virus (Eicar-Test-Signature.UNOFFICIAL).");
    }

    @Test
    void cleanMailIsDelivered() throws Exception {
        Path newDir = home.resolve("var/mail/jexim/new");
        Set<Path> before = files(newDir);
        assertThat(replyTo(" -> .", "--from", "someone@example.org", "--to", "postmaster@localhost",
                "--header", "Subject: clean", "--body", "Hello, this is a perfectly normal message.\n"))
                .startsWith("<-  250 OK id=");
        long end = System.currentTimeMillis() + 30_000;
        while (files(newDir).size() <= before.size() && System.currentTimeMillis() < end) {
            Thread.sleep(200);
        }
        List<Path> added = files(newDir).stream().filter(f -> !before.contains(f)).toList();
        assertThat(added).hasSize(1);
        String delivered = Files.readString(added.get(0));
        System.out.println("delivered ham:\n" + delivered);
        assertThat(delivered).contains("\nSubject: clean\n", "perfectly normal message");
        // the warn statement's add_header, as the seed writes it
        assertThat(delivered).containsPattern("\nX-Spam_score: -?[0-9]+\\.[0-9]\nX-Spam_score_int: -?[0-9]+\nX-Spam_bar: [-+/]*\n");
    }

    @Test
    void spfFailureIsRefusedWithTheSmtpComment() throws Exception {
        assertThat(replyTo(" -> RCPT TO:<postmaster@localhost>", "--local-interface", "127.0.0.3",
                "--from", "someone@spf.test", "--to", "postmaster@localhost", "--quit-after", "RCPT"))
                .isEqualTo("<** 550 SPF check failed: Please see http://www.open-spf.org/Why : Reason: mechanism");
    }

    @Test
    void aListedHostIsRefusedWithTheListText() throws Exception {
        assertThat(replyTo(" -> RCPT TO:<postmaster@localhost>", "--local-interface", "127.0.0.2",
                "--from", "someone@example.org", "--to", "postmaster@localhost", "--quit-after", "RCPT"))
                .isEqualTo("<** 550 127.0.0.2 blacklisted (127.0.0.2 is listed at bl.test)");
    }

    @Test
    void anExecutableAttachmentIsRefusedInTheMimeAcl() throws Exception {
        Path exe = daemons.resolve("invoice.exe");
        Files.write(exe, new byte[] {'M', 'Z', 0, 1, 2, 3});
        assertThat(replyTo(" -> .", "--from", "someone@example.org", "--to", "postmaster@localhost",
                "--attach-type", "application/octet-stream", "--attach", exe.toString()))
                .isEqualTo("<** 550 Blocked attachment invoice.exe");
    }

    /** A message signed for dkim.test (key on the loopback DNS): verified at SMTP time, refused once tampered. */
    @Test
    void dkimSignaturesAreVerifiedAtSmtpTime() throws Exception {
        String message = "From: Alice <alice@dkim.test>\r\nTo: postmaster@localhost\r\nSubject: signed\r\n"
                + "Date: Sun, 22 Nov 2026 06:00:00 +0000\r\nMessage-ID: <signed@dkim.test>\r\n\r\n"
                + "Hello, this message is signed.\r\n";
        org.apache.james.jdkim.DKIMSigner signer = new org.apache.james.jdkim.DKIMSigner("v=1; a=rsa-sha256; "
                + "c=relaxed/relaxed; d=dkim.test; s=sel; h=from:to:subject; bh=; b=;", dkimKey.getPrivate());
        String signed = signer.sign(new java.io.ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)))
                + "\r\n" + message;
        Path good = daemons.resolve("signed.eml");
        Files.writeString(good, signed);
        Path bad = daemons.resolve("tampered.eml");
        Files.writeString(bad, signed.replace("is signed", "is changed"));
        Path newDir = home.resolve("var/mail/jexim/new");
        Set<Path> before = files(newDir);
        assertThat(replyTo(" -> .", "--from", "alice@dkim.test", "--to", "postmaster@localhost", "--data", good.toString()))
                .startsWith("<-  250 OK id=");
        long end = System.currentTimeMillis() + 30_000;
        while (files(newDir).size() <= before.size() && System.currentTimeMillis() < end) {
            Thread.sleep(200);
        }
        List<Path> added = files(newDir).stream().filter(f -> !before.contains(f)).toList();
        assertThat(added).hasSize(1);
        assertThat(Files.readString(added.get(0))).contains("\nX-DKIM: dkim.test pass\n");
        assertThat(replyTo(" -> .", "--from", "alice@dkim.test", "--to", "postmaster@localhost", "--data", bad.toString()))
                .isEqualTo("<** 550 DKIM signature of dkim.test failed (bodyhash_mismatch)");
    }

    @Test
    void aSpamdThatIsDownDefersTheMessage() throws Exception {
        assertThat(replyTo(" -> .", "--from", "someone@example.org", "--to", "postmaster@localhost",
                "--header", "Subject: down", "--body", "spamd cannot be reached for this one\n"))
                .isEqualTo("<** 451 Temporary local problem - please try later");
    }

    private static Set<Path> files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.collect(java.util.stream.Collectors.toSet());
        }
    }
}

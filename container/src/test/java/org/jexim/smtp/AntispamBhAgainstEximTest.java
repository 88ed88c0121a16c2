package org.jexim.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jexim.conf.reader.ConfigReader;
import org.jexim.conf.translate.Translator;
import org.jexim.testkit.Daemon;
import org.jexim.testkit.EximOracle;
import org.jexim.testkit.LoopbackDnsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds' anti-spam ACLs (SPF, DNS black list, SpamAssassin, ClamAV) run by {@code exim4 -bh}
 * and by jexim's -bh on one configure, against the same real spamd and clamd and the same
 * loopback DNS server: every reply line must be the same. exim4 reads /etc/resolv.conf, so the
 * DNS server listens on 127.0.0.156:53 and exim4 runs in a private mount namespace (root only).
 */
class AntispamBhAgainstEximTest {
    static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    static final String ZONE = String.join("\n", "$TTL 300", "@ IN SOA ns.test. h.test. 1 3600 600 86400 300",
            "@ IN NS ns.test.", "2.0.0.127.bl IN A 127.0.0.2", "2.0.0.127.bl IN TXT \"127.0.0.2 is listed at bl.test\"",
            "spf IN TXT \"v=spf1 ip4:192.0.2.1 -all\"", "");

    /** The Date header: now, as a client writes it (a fixed date ages into SpamAssassin's DATE_IN_PAST rules). */
    static final String NOW = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now());

    @TempDir
    static Path dir;
    static Daemon spamd;
    static Daemon clamd;
    static LoopbackDnsServer dns;
    static Path conf;
    static Path translated;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(EximOracle.canUseTestDns(), "needs exim4, root and unshare");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        spamd = Daemon.spamd(Files.createDirectories(dir.resolve("spamd")));
        clamd = Daemon.clamd(Files.createDirectories(dir.resolve("clamd")));
        assumeTrue(spamd != null && clamd != null, "spamd and clamd are needed");
        dns = new LoopbackDnsServer(Map.of("test.", ZONE), dir, "127.0.0.156", 53);
        Path eximDir = Files.createDirectories(dir.resolve("exim"));
        conf = EximOracle.configure(eximDir, "JEXIM_DNS_SERVERS = " + dns.servers() + "\n"
                + "primary_hostname = mx.test\n"
                + "spamd_address = 127.0.0.1 " + spamd.port() + "\nav_scanner = clamd:127.0.0.1 " + clamd.port() + "\n"
                + "acl_smtp_rcpt = acl_rcpt\nacl_smtp_data = acl_data\nbegin acl\n"
                + "acl_rcpt:\n"
                + "  deny    spf      = fail\n"
                + "          message  = SPF check failed: $spf_smtp_comment\n"
                + "  deny    dnslists = bl.test\n"
                + "          message  = $sender_host_address blacklisted by $dnslist_domain\\n$dnslist_text\n"
                + "  accept\n"
                + "acl_data:\n"
                + "  deny    malware  = *\n"
                + "          message  = This message contains a virus ($malware_name).\n"
                + "  deny    spam     = nobody\n"
                + "          message  = Possible spam detected\n"
                + "  accept\n");
        translated = Files.createDirectories(dir.resolve("translated"));
        Translator.translate(ConfigReader.read(conf, Map.of())).writeTo(translated);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {spamd, clamd, dns}) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** A session; refused at RCPT, it ends there (jexim's -bh words the later "503 All RCPT" line differently: a known -bh difference). */
    private static String session(String sender, String body, boolean refusedAtRcpt) {
        String start = "HELO client.example\r\nMAIL FROM:<" + sender + ">\r\nRCPT TO:<user@mx.test>\r\n";
        if (refusedAtRcpt) {
            return start + "QUIT\r\n";
        }
        return start + "DATA\r\nFrom: Someone <" + sender + ">\r\nTo: <user@mx.test>\r\nSubject: a test\r\n"
                + "Date: " + NOW + "\r\nMessage-ID: <test." + body.length() + "@example.org>\r\n\r\n"
                + body + "\r\n.\r\nQUIT\r\n";
    }

    private static String jexim(String ip, String script) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.ISO_8859_1);
        TestSession.of(ConfigReader.read(conf, Map.of()), translated, out).run(ip, new BufferedReader(new StringReader(script)));
        return replies(bytes.toString(StandardCharsets.ISO_8859_1));
    }

    private static String replies(String output) {
        return EximOracle.replies(output).stream()
                .map(l -> l.replaceAll("[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d [-+]\\d{4}", "<TOD>")
                        .replaceAll("id=[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}", "id=<ID>"))
                .collect(Collectors.joining("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spf", "dnslist", "gtube", "eicar", "clean"})
    void replyLinesAgree(String which) throws Exception {
        String ip = switch (which) {
            case "spf" -> "192.0.2.9";
            case "dnslist" -> "127.0.0.2";
            default -> "192.0.2.1";
        };
        String sender = which.equals("spf") ? "someone@spf.test" : "someone@example.org";
        String body = switch (which) {
            case "gtube" -> "This is spam.\r\n" + GTUBE;
            case "eicar" -> Daemon.EICAR;
            default -> "Hello Bob,\r\n\r\nthe meeting is moved to Thursday at ten.\r\n\r\nRegards,\r\nAlice";
        };
        String script = session(sender, body, which.equals("spf") || which.equals("dnslist"));
        String exim = replies(EximOracle.run(conf, dns, script, "-bh", ip));
        String jexim = jexim(ip, script);
        assertThat(jexim).isEqualTo(exim);
        String expected = switch (which) {
            case "spf" -> "550-SPF check failed: Please see http://www.open-spf.org/Why : Reason:\n550 mechanism";
            case "dnslist" -> "550-127.0.0.2 blacklisted by bl.test\n550 127.0.0.2 is listed at bl.test";
            case "gtube" -> "550 Possible spam detected";
            case "eicar" -> "550 This message contains a virus (Eicar-Test-Signature.UNOFFICIAL).";
            default -> "250 OK id=<ID>";
        };
        assertThat(List.of(jexim.split("\n"))).as(jexim).containsSequence(List.of(expected.split("\n")));
    }
}

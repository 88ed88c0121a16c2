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
import org.jexim.conf.reader.ConfigReader;
import org.jexim.conf.translate.Translator;
import org.jexim.testkit.EximOracle;
import org.jexim.testkit.LoopbackDnsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dnslists answers are cached per connection, as Exim caches them in the process serving one
 * connection: a session that checks the same list at three RCPTs of two messages asks the DNS
 * once for the A record and once for the TXT record, and the next connection asks again. The
 * questions exim4 -bh and jexim's -bh put to the same loopback DNS server are compared, with
 * the replies (exim4 runs in a private mount namespace with a resolv.conf naming the server).
 */
class DnsListConnectionCacheBhTest {
    static final String ZONE = String.join("\n", "$TTL 300", "@ IN SOA ns.test. h.test. 1 3600 600 86400 300",
            "@ IN NS ns.test.", "2.0.0.127.bl IN A 127.0.0.2", "2.0.0.127.bl IN TXT \"127.0.0.2 is listed at bl.test\"", "");
    static final String SESSION = "HELO client.example\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<u1@mx.test>\r\n"
            + "RCPT TO:<u2@mx.test>\r\nRSET\r\nMAIL FROM:<b@example.org>\r\nRCPT TO:<u3@mx.test>\r\nQUIT\r\n";

    @TempDir
    static Path dir;
    static LoopbackDnsServer dns;
    static Path conf;
    static Path translated;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(EximOracle.canUseTestDns(), "needs exim4, root and unshare");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        dns = new LoopbackDnsServer(Map.of("test.", ZONE), dir, "127.0.0.164", 53);
        conf = EximOracle.configure(Files.createDirectories(dir.resolve("exim")), "JEXIM_DNS_SERVERS = " + dns.servers() + "\n"
                + "primary_hostname = mx.test\nacl_smtp_rcpt = acl_rcpt\nbegin acl\n"
                + "acl_rcpt:\n"
                + "  warn    dnslists = bl.test\n"
                + "          add_header = X-Listed: $dnslist_text\n"
                + "  deny    local_parts = u2\n"
                + "          dnslists = bl.test\n"
                + "          message  = $sender_host_address listed: $dnslist_text\n"
                + "  accept\n");
        translated = Files.createDirectories(dir.resolve("translated"));
        Translator.translate(ConfigReader.read(conf, Map.of())).writeTo(translated);
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    private static String jexim(String ip, String script) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.ISO_8859_1);
        TestSession.of(ConfigReader.read(conf, Map.of()), translated, out).run(ip, new BufferedReader(new StringReader(script)));
        return replies(bytes.toString(StandardCharsets.ISO_8859_1));
    }

    /** The reply lines, the banner's time of day masked. */
    private static String replies(String output) {
        return String.join("\n", EximOracle.replies(output))
                .replaceAll("[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d [-+]\\d{4}", "<TOD>");
    }

    /** Two connections' replies and the DNS questions they caused. */
    private static String twoConnections(boolean exim) throws Exception {
        dns.clearQuestions();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            out.append(exim ? replies(EximOracle.run(conf, dns, SESSION, "-bh", "127.0.0.2"))
                    : jexim("127.0.0.2", SESSION)).append('\n');
            out.append("questions: ").append(String.join(", ", dns.questions())).append('\n');
            dns.clearQuestions();
        }
        return out.toString();
    }

    @Test
    void oneLookupPerListPerConnection() throws Exception {
        String exim = twoConnections(true);
        String jexim = twoConnections(false);
        assertThat(jexim).isEqualTo(exim);
        assertThat(List.of(jexim.split("\n"))).containsSubsequence(
                "550 127.0.0.2 listed: 127.0.0.2 is listed at bl.test",
                "questions: 2.0.0.127.bl.test A, 2.0.0.127.bl.test TXT",
                "550 127.0.0.2 listed: 127.0.0.2 is listed at bl.test",
                "questions: 2.0.0.127.bl.test A, 2.0.0.127.bl.test TXT");
    }
}

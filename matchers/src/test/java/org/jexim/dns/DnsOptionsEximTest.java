package org.jexim.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexim.dnslists.DnsListCache;
import org.jexim.dnslists.DnsListCheck;
import org.jexim.dnslists.DnsListResult;
import org.jexim.testkit.EximOracle;
import org.jexim.testkit.LoopbackDnsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Type;

/**
 * The resolver's main options (dns_check_names_pattern, dns_again_means_nonexist,
 * dns_use_edns0, dns_dnssec_ok, dns_retry, dns_retrans) seen through a dnslists condition:
 * the RCPT reply of {@code exim4 -bh} and jexim's, and the questions each put on the wire of
 * the same loopback DNS server (names, EDNS0 payload, DO flag, number of tries). The expected
 * values were recorded from exim4; without root (no private resolv.conf for exim4) only
 * jexim's side runs.
 */
class DnsOptionsEximTest {
    private static final String BL = String.join("\n",
            "$TTL 300",
            "@ IN SOA ns.bl.test. h.bl.test. 1 3600 600 86400 300",
            "@ IN NS ns.bl.test.",
            "9.2.0.192 IN A 127.0.0.2",
            "a+b IN A 127.0.0.3",
            "under_score IN A 127.0.0.4",
            "");

    @TempDir
    static Path dir;
    static LoopbackDnsServer dns;
    static boolean withExim;

    @BeforeAll
    static void start() throws Exception {
        withExim = EximOracle.canUseTestDns();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> zones = Map.of("bl.test.", BL);
        dns = withExim ? new LoopbackDnsServer(zones, dir, "127.0.0.163", 53) : new LoopbackDnsServer(zones, dir);
        dns.servfail("9.2.0.192.broken.test");
        dns.servfail("9.2.0.192.other.test");
        dns.silence("9.2.0.192.silent.test");
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    /** "option=value;option=value" to a map. */
    private static Map<String, String> options(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String o : text.split(";")) {
                int eq = o.indexOf('=');
                out.put(o.substring(0, eq).strip(), o.substring(eq + 1).strip());
            }
        }
        return out;
    }

    private static String jexim(String list, String options) {
        DnsSettings settings = DnsSettings.of(Map.of("JEXIM_DNS_SERVERS", dns.servers()), options(options));
        DnsListResult r = new DnsListCheck(new DnsClient(settings), new DnsListCache())
                .check(list, "192.0.2.9", false, "RCPT");
        return switch (r.code()) {
            case OK -> "550 listed at " + r.variables().get("dnslist_domain") + " (" + r.variables().get("dnslist_value") + ")";
            case FAIL -> "250 Accepted";
            default -> "451 Temporary local problem - please try later";
        };
    }

    private static String exim(String list, String options) throws Exception {
        Path d = Files.createTempDirectory(dir, "exim");
        StringBuilder main = new StringBuilder("primary_hostname = mx.test\nacl_smtp_rcpt = acl_rcpt\n");
        options(options).forEach((k, v) -> main.append(k).append(" = ").append(v).append('\n'));
        Path conf = EximOracle.configure(d, main + "begin acl\nacl_rcpt:\n"
                + "  deny dnslists = " + list + "\n"
                + "       message = listed at $dnslist_domain ($dnslist_value)\n  accept\n");
        String out = EximOracle.run(conf, dns,
                "HELO h.example\r\nMAIL FROM:<a+b@spammer.example>\r\nRCPT TO:<x@y.example>\r\nQUIT\r\n", "-bh", "192.0.2.9");
        List<String> replies = EximOracle.unfoldedReplies(out);
        return replies.size() > 3 ? replies.get(3) : "too few replies in: " + out;
    }

    /** Runs one side and returns its reply and the questions it asked, one string. */
    private static String run(boolean exim, String list, String options) throws Exception {
        dns.clearQuestions();
        String reply = exim ? exim(list, options) : jexim(list.replace("$sender_address_local_part", "a+b"), options);
        return reply + " | " + String.join(", ", dns.questions());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        // dns_check_names_pattern: the default refuses '+' (no question asked), allows '_'
        "bl.test/$sender_address_local_part# # 250 Accepted | ",
        "bl.test/under_score# # 550 listed at bl.test (127.0.0.4) | under_score.bl.test A, under_score.bl.test TXT",
        "bl.test/$sender_address_local_part# dns_check_names_pattern = # 550 listed at bl.test (127.0.0.3) | a+b.bl.test A, a+b.bl.test TXT",
        "bl.test/under_score# dns_check_names_pattern = ^[a-z.]+$# 250 Accepted | ",
        // dns_again_means_nonexist: a full domain list (negation, wildcard, regex)
        "+defer_unknown : broken.test# # 451 Temporary local problem - please try later | 9.2.0.192.broken.test A",
        "+defer_unknown : broken.test# dns_again_means_nonexist = *.broken.test# 250 Accepted | 9.2.0.192.broken.test A",
        "+defer_unknown : broken.test# dns_again_means_nonexist = !9.2.0.192.broken.test : *.test# 451 Temporary local problem - please try later | 9.2.0.192.broken.test A",
        "+defer_unknown : other.test : bl.test# dns_again_means_nonexist = ^9\\.2\\.0\\.192\\.other\\.# 550 listed at bl.test (127.0.0.2) | 9.2.0.192.other.test A, 9.2.0.192.bl.test A, 9.2.0.192.bl.test TXT",
        // EDNS0 and the DO flag on the wire
        "bl.test# dns_use_edns0 = 1# 550 listed at bl.test (127.0.0.2) | 9.2.0.192.bl.test A edns=1200, 9.2.0.192.bl.test TXT edns=1200",
        "bl.test# dns_use_edns0 = 0# 550 listed at bl.test (127.0.0.2) | 9.2.0.192.bl.test A, 9.2.0.192.bl.test TXT",
        "bl.test# dns_dnssec_ok = 1# 550 listed at bl.test (127.0.0.2) | 9.2.0.192.bl.test A edns=1200 do, 9.2.0.192.bl.test TXT edns=1200 do",
        "bl.test# dns_use_edns0 = 0;dns_dnssec_ok = 1# 550 listed at bl.test (127.0.0.2) | 9.2.0.192.bl.test A, 9.2.0.192.bl.test TXT",
        // dns_retry tries of dns_retrans each for a server that never answers
        "+defer_unknown : silent.test# dns_retry = 2;dns_retrans = 1s# 451 Temporary local problem - please try later | 9.2.0.192.silent.test A, 9.2.0.192.silent.test A",
    })
    void jeximAsksAndAnswersAsExim(String list, String options, String recordedFromExim) throws Exception {
        String expected = recordedFromExim.strip();
        assertThat(run(false, list, options).strip()).isEqualTo(expected);
        if (withExim) {
            assertThat(run(true, list, options).strip()).isEqualTo(expected);
        }
    }

    @Test
    void trustAaMarksAuthoritativeAnswersOfListedZonesAuthentic() {
        DnsSettings trusting = DnsSettings.of(Map.of("JEXIM_DNS_SERVERS", dns.servers()), Map.of("dns_trust_aa", "bl.test"));
        DnsSettings other = DnsSettings.of(Map.of("JEXIM_DNS_SERVERS", dns.servers()), Map.of("dns_trust_aa", "*.other.test"));
        assertThat(new DnsClient(trusting).query("9.2.0.192.bl.test", Type.A).secure()).isTrue();
        assertThat(new DnsClient(trusting).query("nothing.bl.test", Type.A).secure()).isTrue();
        assertThat(new DnsClient(other).query("9.2.0.192.bl.test", Type.A).secure()).isFalse();
        assertThat(new DnsClient(DnsSettings.servers(dns.servers())).query("9.2.0.192.bl.test", Type.A).secure()).isFalse();
    }

    @Test
    void ipv4LookupIsADomainList() {
        DnsClient client = new DnsClient(DnsSettings.of(Map.of(), Map.of("dns_ipv4_lookup", "*.example : !x.test : *.test")));
        assertThat(client.ipv4Only("mx.example")).isTrue();
        assertThat(client.ipv4Only("x.test")).isFalse();
        assertThat(client.ipv4Only("y.test")).isTrue();
        assertThat(client.ipv4Only("example.org")).isFalse();
    }
}

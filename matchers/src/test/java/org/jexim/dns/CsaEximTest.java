package org.jexim.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jexim.testkit.EximOracle;
import org.jexim.testkit.LoopbackDnsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code verify = csa} (Client SMTP Authorization) by jexim's {@link CsaCheck} and by Exim 4.96
 * ({@code exim4 -bh}, RCPT ACL {@code deny !verify = csa} then {@code deny message = T
 * $csa_status}) against the same SRV records on a loopback DNS server: the RCPT reply (Exim's
 * failure text, or the status of a client that passes) must be the same, and so must the
 * questions asked (the parent search, dns_csa_search_limit, dns_csa_use_reverse). Expected
 * values recorded from exim4; without root only jexim's side runs.
 */
class CsaEximTest {
    private static final String TEST = String.join("\n",
            "$TTL 300",
            "@ IN SOA ns.test. h.test. 1 3600 600 86400 300",
            "@ IN NS ns.test.",
            "_client._smtp.good IN SRV 1 2 0 good.test.",
            "good IN A 192.0.2.9",
            "_client._smtp.wrongip IN SRV 1 2 0 wrongip.test.",
            "wrongip IN A 192.0.2.99",
            "_client._smtp.denied IN SRV 1 1 0 denied.test.",
            "_client._smtp.noaddr IN SRV 1 2 0 .",
            "_client._smtp.notarget IN SRV 1 2 0 missing.test.",
            "_client._smtp.unknownweight IN SRV 1 3 0 good.test.",
            "_client._smtp.version2 IN SRV 2 2 0 good.test.",
            "_client._smtp.h.strict IN TXT \"no SRV here\"",
            "_client._smtp.strict IN SRV 1 0 1 .",
            "_client._smtp.h.lax IN TXT \"no SRV here\"",
            "_client._smtp.lax IN SRV 1 0 0 .",
            "_client._smtp.a.b.deep IN TXT \"no SRV here\"",
            "_client._smtp.b.deep IN SRV 1 0 1 .",
            "");
    private static final String REVERSE = String.join("\n",
            "$TTL 300",
            "@ IN SOA ns.test. h.test. 1 3600 600 86400 300",
            "@ IN NS ns.test.",
            "_client._smtp.9 IN SRV 1 2 0 good.test.",
            "");

    @TempDir
    static Path dir;
    static LoopbackDnsServer dns;
    static boolean withExim;

    @BeforeAll
    static void start() throws Exception {
        withExim = EximOracle.canUseTestDns();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> zones = Map.of("test.", TEST, "2.0.192.in-addr.arpa.", REVERSE);
        dns = withExim ? new LoopbackDnsServer(zones, dir, "127.0.0.159", 53) : new LoopbackDnsServer(zones, dir);
        dns.servfail("_client._smtp.broken.test");
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    private static Map<String, String> options(String text) {
        Map<String, String> out = new HashMap<>();
        if (text != null && !text.isBlank()) {
            for (String o : text.split(";")) {
                int eq = o.indexOf('=');
                out.put(o.substring(0, eq).strip(), o.substring(eq + 1).strip());
            }
        }
        return out;
    }

    private static String jexim(String helo, String domain, String options) {
        Map<String, String> session = new HashMap<>();
        CsaCheck check = new CsaCheck(new DnsClient(DnsSettings.of(Map.of("JEXIM_DNS_SERVERS", dns.servers()), options(options))),
                k -> Optional.ofNullable(session.get(k)), session::put);
        CsaResult r = check.check(domain, helo, "192.0.2.9");
        return r.passes() ? "550 T " + r.status() : "550 " + r.message();
    }

    private static String exim(String helo, String domain, String options) throws Exception {
        Path d = Files.createTempDirectory(dir, "exim");
        StringBuilder main = new StringBuilder("primary_hostname = mx.test\nacl_smtp_rcpt = acl_rcpt\n");
        options(options).forEach((k, v) -> main.append(v.isEmpty() ? k : k + " = " + v).append('\n'));
        Path conf = EximOracle.configure(d, main + "begin acl\nacl_rcpt:\n"
                + "  deny !verify = csa" + (domain == null ? "" : "/" + domain) + "\n"
                + "  deny message = T $csa_status\n");
        String out = EximOracle.run(conf, dns, "HELO " + helo + "\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<x@y.example>\r\nQUIT\r\n",
                "-bh", "192.0.2.9");
        List<String> replies = EximOracle.unfoldedReplies(out);
        return replies.size() > 3 ? replies.get(3) : "too few replies in: " + out;
    }

    private static String run(boolean exim, String helo, String domain, String options) throws Exception {
        dns.clearQuestions();
        String reply = exim ? exim(helo, domain, options) : jexim(helo, domain, options);
        return reply + " | " + String.join(", ", dns.questions());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', nullValues = "-", value = {
        "good.test# -# # 550 T ok | _client._smtp.good.test SRV, good.test A",
        "wrongip.test# -# # 550 client SMTP authorization failed (client address mismatch) | _client._smtp.wrongip.test SRV, wrongip.test A",
        "denied.test# -# # 550 client SMTP authorization failed (host name not authorized) | _client._smtp.denied.test SRV",
        "noaddr.test# -# # 550 client SMTP authorization failed (no authorized addresses) | _client._smtp.noaddr.test SRV",
        "notarget.test# -# # 550 client SMTP authorization failed (no authorized addresses) | _client._smtp.notarget.test SRV, missing.test A",
        "unknownweight.test# -# # 550 T unknown | _client._smtp.unknownweight.test SRV",
        "version2.test# -# # 550 T unknown | _client._smtp.version2.test SRV",
        "nothing.test# -# # 550 T unknown | _client._smtp.nothing.test SRV",
        "broken.test# -# # 550 T defer | _client._smtp.broken.test SRV",
        "h.strict.test# -# # 550 client SMTP authorization failed (explicit authorization required) | _client._smtp.h.strict.test SRV, _client._smtp.strict.test SRV",
        "h.lax.test# -# # 550 T unknown | _client._smtp.h.lax.test SRV, _client._smtp.lax.test SRV",
        "a.b.deep.test# -# # 550 client SMTP authorization failed (explicit authorization required) | _client._smtp.a.b.deep.test SRV, _client._smtp.deep.test SRV, _client._smtp.b.deep.test SRV",
        "a.b.deep.test# -# dns_csa_search_limit = 1# 550 T unknown | _client._smtp.a.b.deep.test SRV, _client._smtp.deep.test SRV",
        "other.example# good.test# # 550 T ok | _client._smtp.good.test SRV, good.test A",
        "[192.0.2.9]# -# # 550 T ok | _client._smtp.9.2.0.192.in-addr.arpa SRV, good.test A",
        "other.example# 192.0.2.9# # 550 T ok | _client._smtp.9.2.0.192.in-addr.arpa SRV, good.test A",
        "[192.0.2.9]# -# no_dns_csa_use_reverse= # 550 T unknown | ",
    })
    void jeximAuthorizesAsExim(String helo, String domain, String options, String recordedFromExim) throws Exception {
        String jeximOptions = options == null ? null : options.replace("no_dns_csa_use_reverse=", "dns_csa_use_reverse=false");
        assertThat(run(false, helo, domain, jeximOptions).strip()).isEqualTo(recordedFromExim.strip());
        if (withExim) {
            assertThat(run(true, helo, domain, options).strip()).isEqualTo(recordedFromExim.strip());
        }
    }

    @Test
    void aDomainIsCheckedOncePerConnection() {
        Map<String, String> session = new HashMap<>();
        CsaCheck check = new CsaCheck(new DnsClient(DnsSettings.servers(dns.servers())),
                k -> Optional.ofNullable(session.get(k)), session::put);
        dns.clearQuestions();
        assertThat(check.check("", "good.test", "192.0.2.9")).isEqualTo(CsaResult.OK);
        assertThat(check.check("good.test", "other.example", "192.0.2.9")).isEqualTo(CsaResult.OK);
        assertThat(dns.questions()).containsExactly("_client._smtp.good.test SRV", "good.test A");
    }
}

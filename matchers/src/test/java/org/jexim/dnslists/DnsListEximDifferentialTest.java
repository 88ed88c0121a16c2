package org.jexim.dnslists;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.jexim.dns.DnsClient;
import org.jexim.dns.DnsSettings;
import org.jexim.testkit.EximOracle;
import org.jexim.testkit.LoopbackDnsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * dnslists conditions evaluated by jexim and by Exim 4.96 ({@code exim4 -bh}, RCPT ACL
 * {@code deny dnslists = ... message = D=$dnslist_domain|M=...}) against the same zones on a
 * loopback DNS server: the RCPT reply must be the same. The expected replies were recorded
 * from exim4; without root (no private resolv.conf for exim4) only jexim's side is checked.
 */
class DnsListEximDifferentialTest {
    private static final String BL = String.join("\n",
            "$TTL 300",
            "@ IN SOA ns.bl.test. h.bl.test. 1 3600 600 86400 300",
            "@ IN NS ns.bl.test.",
            "9.2.0.192 IN A 127.0.0.2",
            "9.2.0.192 IN TXT \"192.0.2.9 is listed, see http://bl.test/\" \"second string\"",
            "10.2.0.192 IN A 127.0.0.2",
            "10.2.0.192 IN A 127.0.0.4",
            "11.2.0.192 IN A 10.0.0.2",
            "spammer.example IN A 127.0.0.3",
            "spammer.example IN TXT \"domain listed\"",
            "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2 IN A 127.0.0.5",
            "");
    private static final String WL = String.join("\n",
            "$TTL 300",
            "@ IN SOA ns.wl.test. h.wl.test. 1 3600 600 86400 300",
            "@ IN NS ns.wl.test.",
            "10.2.0.192 IN A 127.0.0.2",
            "10.2.0.192 IN TXT \"from the TXT list\"",
            "");

    @TempDir
    static Path dir;
    static LoopbackDnsServer dns;
    static boolean withExim;

    @BeforeAll
    static void start() throws Exception {
        withExim = EximOracle.canUseTestDns();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> zones = Map.of("bl.test.", BL, "wl.test.", WL);
        dns = withExim ? new LoopbackDnsServer(zones, dir, "127.0.0.165", 53) : new LoopbackDnsServer(zones, dir);
        dns.servfail("9.2.0.192.broken.test");
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    private static String jexim(String list, String ip) {
        DnsListResult r = new DnsListCheck(new DnsClient(DnsSettings.servers(dns.servers())), new DnsListCache())
                .check(list, ip, false, "RCPT");
        return switch (r.code()) {
            case OK -> "550 D=" + v(r, "dnslist_domain") + "|M=" + v(r, "dnslist_matched") + "|V=" + v(r, "dnslist_value")
                    + "|T=" + v(r, "dnslist_text");
            case FAIL -> "250 Accepted";
            default -> "451 Temporary local problem - please try later";
        };
    }

    private static String v(DnsListResult r, String name) {
        String s = r.variables().get(name);
        return s == null ? "" : s;
    }

    private static String exim(String list, String ip) throws Exception {
        Path d = Files.createTempDirectory(dir, "exim");
        Path conf = EximOracle.configure(d, "primary_hostname = mx.test\nacl_smtp_rcpt = acl_rcpt\nbegin acl\nacl_rcpt:\n"
                + "  deny dnslists = " + list + "\n"
                + "       message = D=$dnslist_domain|M=$dnslist_matched|V=$dnslist_value|T=$dnslist_text\n  accept\n");
        String out = EximOracle.run(conf, dns,
                "HELO h.example\r\nMAIL FROM:<u@spammer.example>\r\nRCPT TO:<x@y.example>\r\nQUIT\r\n", "-bh", ip);
        var replies = EximOracle.unfoldedReplies(out);
        return replies.size() > 3 ? replies.get(3) : "too few replies in: " + out;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "bl.test# 192.0.2.9# 550 D=bl.test|M=192.0.2.9|V=127.0.0.2|T=192.0.2.9 is listed, see http://bl.test/",
        "bl.test# 192.0.2.1# 250 Accepted",
        "wl.test : bl.test# 192.0.2.9# 550 D=bl.test|M=192.0.2.9|V=127.0.0.2|T=192.0.2.9 is listed, see http://bl.test/",
        "bl.test=127.0.0.3# 192.0.2.9# 250 Accepted",
        "bl.test=127.0.0.3,127.0.0.2# 192.0.2.9# 550 D=bl.test|M=192.0.2.9|V=127.0.0.2|T=192.0.2.9 is listed, see http://bl.test/",
        "bl.test=127.0.0.2# 192.0.2.10# 550 D=bl.test|M=192.0.2.10|V=127.0.0.2, 127.0.0.4|T=",
        "bl.test==127.0.0.2# 192.0.2.10# 250 Accepted",
        "bl.test==127.0.0.2,127.0.0.4# 192.0.2.10# 550 D=bl.test|M=192.0.2.10|V=127.0.0.2, 127.0.0.4|T=",
        "bl.test&0.0.0.4# 192.0.2.10# 550 D=bl.test|M=192.0.2.10|V=127.0.0.2, 127.0.0.4|T=",
        "bl.test=&0.0.0.2# 192.0.2.10# 250 Accepted",
        "bl.test!=127.0.0.2# 192.0.2.10# 250 Accepted",
        "bl.test!==127.0.0.2# 192.0.2.10# 550 D=bl.test|M=192.0.2.10|V=127.0.0.2, 127.0.0.4|T=",
        "bl.test!&0.0.0.1# 192.0.2.10# 550 D=bl.test|M=192.0.2.10|V=127.0.0.2, 127.0.0.4|T=",
        "bl.test!=&0.0.0.2# 192.0.2.10# 550 D=bl.test|M=192.0.2.10|V=127.0.0.2, 127.0.0.4|T=",
        "bl.test# 192.0.2.11# 250 Accepted",
        "bl.test/$sender_address_domain# 192.0.2.1# 550 D=bl.test|M=spammer.example|V=127.0.0.3|T=domain listed",
        "bl.test/other.example::spammer.example# 192.0.2.1# 550 D=bl.test|M=spammer.example|V=127.0.0.3|T=domain listed",
        "bl.test/<;192.0.2.1;192.0.2.9# 192.0.2.1# 550 D=bl.test|M=192.0.2.9|V=127.0.0.2|T=192.0.2.9 is listed, see http://bl.test/",
        "wl.test,bl.test=127.0.0.4# 192.0.2.10# 550 D=wl.test|M=192.0.2.10|V=127.0.0.2|T=from the TXT list",
        "wl.test,bl.test=127.0.0.9# 192.0.2.10# 250 Accepted",
        "broken.test : bl.test# 192.0.2.9# 550 D=bl.test|M=192.0.2.9|V=127.0.0.2|T=192.0.2.9 is listed, see http://bl.test/",
        "+defer_unknown : broken.test : bl.test# 192.0.2.9# 451 Temporary local problem - please try later",
        "+include_unknown : broken.test# 192.0.2.9# 550 D=broken.test|M=192.0.2.9|V=|T=",
        "bl.test# 2001:0db8:0000:0000:0000:0000:0000:0001# 550 D=bl.test|M=2001:0db8:0000:0000:0000:0000:0000:0001|V=127.0.0.5|T=",
    })
    void jeximAndEximGiveTheSameRcptReply(String list, String ip, String recordedFromExim) throws Exception {
        String expanded = list.replace("$sender_address_domain", "spammer.example");
        assertThat(jexim(expanded, ip)).isEqualTo(recordedFromExim);
        if (withExim) {
            assertThat(exim(list, ip)).isEqualTo(recordedFromExim);
        }
    }

    @Test
    void answersAreCachedForTheConnection() {
        DnsListCache cache = new DnsListCache();
        DnsListCheck check = new DnsListCheck(new DnsClient(DnsSettings.servers(dns.servers())), cache);
        int before = dns.queries();
        check.check("bl.test", "192.0.2.9", false, "RCPT");
        int afterFirst = dns.queries();
        check.check("bl.test", "192.0.2.9", false, "RCPT");
        assertThat(afterFirst - before).isEqualTo(2); // A and TXT
        assertThat(dns.queries()).isEqualTo(afterFirst);
    }

    @Test
    void invertsAddresses() {
        assertThat(DnsListCheck.invert("192.168.62.43")).isEqualTo("43.62.168.192");
        assertThat(DnsListCheck.invert("3ffe:ffff:836f:0a00:000a:0800:200a:c031"))
                .isEqualTo("1.3.0.c.a.0.0.2.0.0.8.0.a.0.0.0.0.0.a.0.f.6.3.8.f.f.f.f.e.f.f.3");
    }
}

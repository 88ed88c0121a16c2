package org.jexim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jexim.testkit.EximOracle;
import org.jexim.testkit.LoopbackDnsServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * dns_ipv4_lookup: for hosts in the list, the routers ask A records only. exim4 -bt and jexim -bt
 * route an address whose MX host has both A and AAAA records against the same loopback DNS
 * server (exim4 in a private mount namespace, root only): the host lines and the questions
 * asked (names and types) must be the same, with the option unset, matching, and negated.
 */
class DnsIpv4LookupAgainstEximTest {
    private static final String ZONE = String.join("\n", "$TTL 300", "@ IN SOA ns.example. h.example. 1 3600 600 86400 300",
            "@ IN NS ns.example.", "both IN MX 10 mx.both", "mx.both IN A 192.0.2.1", "mx.both IN AAAA 2001:db8::1", "");

    @TempDir
    Path dir;

    private String jexim(Path conf) throws Exception {
        CommandLine line = Main.parse(new String[] {"-C", conf.toString(), "-bt", "user@both.example"});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        line.out = new PrintStream(bytes, true, StandardCharsets.ISO_8859_1);
        line.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.ISO_8859_1);
        Main.run(line);
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static List<String> namesAndTypes(List<String> questions) {
        return questions.stream().map(q -> q.replaceAll(" edns=.*", "")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "dns_ipv4_lookup = *.example", "dns_ipv4_lookup = !mx.both.example : *.example"})
    void hostAddressesAndQuestionsAreExims(String option) throws Exception {
        assumeTrue(EximOracle.canUseTestDns(), "needs exim4, root and unshare");
        try (LoopbackDnsServer dns = new LoopbackDnsServer(Map.of("example.", ZONE), dir, "127.0.0.166", 53)) {
            Path conf = EximOracle.configure(Files.createDirectories(dir.resolve("c")), "JEXIM_DNS_SERVERS = " + dns.servers()
                    + "\nprimary_hostname = mx.test\n" + option + "\nbegin routers\nr:\n  driver = dnslookup\n"
                    + "  transport = t\nbegin transports\nt:\n  driver = smtp\n");
            dns.clearQuestions();
            String exim = EximOracle.run(conf, dns, "", "-bt", "user@both.example");
            List<String> eximQuestions = dns.questions();
            dns.clearQuestions();
            String jexim = jexim(conf);
            assertThat(jexim).isEqualTo(exim);
            // names and types; exim4's router also sets the DO flag (dnssec_request_domains defaults to *), jexim's not yet
            assertThat(namesAndTypes(dns.questions())).isEqualTo(namesAndTypes(eximQuestions));
            boolean v4only = option.contains("*.example") && !option.contains("!mx.both");
            assertThat(jexim).contains("host mx.both.example [192.0.2.1]");
            assertThat(jexim.contains("2001:db8::1")).isEqualTo(!v4only);
        }
    }
}

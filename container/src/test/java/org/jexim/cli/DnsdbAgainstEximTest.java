package org.jexim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jexim.testkit.EximOracle;
import org.jexim.testkit.LoopbackDnsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dnsdb lookups (record types, separators, defer_* and dnssec_* options, several names),
 * @mx_any/@mx_primary/@mx_secondary and host names in host lists: dnsdb-corpus.txt through
 * exim4 -be and through {@code jexim -be} (Main), both in a private mount namespace whose
 * /etc/resolv.conf names a real DNS server on 127.0.0.157:53 serving this test's zones; any
 * disagreement not listed in dnsdb-known-differences.txt fails. The main options Exim applies to every
 * question hold for dnsdb too: dns_again_means_nonexist, the default dns_check_names_pattern.
 */
class DnsdbAgainstEximTest {
    private static final String ZONE = String.join("\n",
            "$ORIGIN test.",
            "$TTL 300",
            "@ SOA ns.test. hostmaster.test. 1 3600 600 86400 300",
            "@ NS ns.test.",
            "ns A 127.0.0.157",
            "a A 192.0.2.1",
            "a A 192.0.2.2",
            "a AAAA 2001:db8::1",
            "mx MX 10 mx1.test.",
            "mx MX 20 mx2.test.",
            "mx1 A 192.0.2.10",
            "mx2 A 192.0.2.11",
            "mx2 AAAA 2001:db8::11",
            "mxlocal MX 5 lo.test.",
            "mxlocal MX 10 mx1.test.",
            "mxlocal2 MX 5 mx1.test.",
            "mxlocal2 MX 10 lo.test.",
            "lo A 127.0.0.1",
            "txt TXT \"v=spf1 -all\"",
            "txt TXT \"part one\" \"part two\"",
            "spf TXT \"v=spf1 ip4:192.0.2.0/24 -all\"",
            "_smtp._tcp SRV 10 5 25 mx1.test.",
            "_smtp._tcp SRV 20 0 587 mx2.test.",
            "cname CNAME a.test.",
            "_25._tcp.mx1 TLSA 3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "deep.sub TXT \"deep\"",
            "");
    private static final String REVERSE = String.join("\n",
            "$ORIGIN 2.0.192.in-addr.arpa.",
            "$TTL 300",
            "@ SOA ns.test. hostmaster.test. 1 3600 600 86400 300",
            "@ NS ns.test.",
            "1 PTR a.test.",
            "10 PTR mx1.test.",
            "");

    @TempDir
    Path dir;

    @Test
    void jeximAgreesWithEximAgainstARealDnsServer() throws Exception {
        assumeTrue(EximOracle.canUseTestDns(), "needs exim4, root and unshare");
        List<String> corpus = lines("/lookups/dnsdb-corpus.txt");
        try (LoopbackDnsServer dns = new LoopbackDnsServer(Map.of("test.", ZONE, "2.0.192.in-addr.arpa.", REVERSE),
                Files.createDirectories(dir.resolve("zones")), "127.0.0.157", 53)) {
            dns.servfail("fail.test");
            dns.servfail("again.test");
            Path conf = dir.resolve("be.conf");
            // a temporary failure about again.test is "no such name" (dns_again_means_nonexist)
            Files.writeString(conf, "primary_hostname = mail.example.org\ndns_again_means_nonexist = again.test\n");
            Path rc = dir.resolve("resolv.conf");
            Files.writeString(rc, dns.resolvConf());
            Files.write(dir.resolve("input"), input(corpus));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String script = "mount --bind \"$1\" /etc/resolv.conf && "
                    + "exim4 -C \"$2\" -be < \"$3/input\" > \"$3/exim.out\" 2>/dev/null; "
                    + "\"$4\" -cp \"$5\" " + Main.class.getName() + " -C \"$2\" -be < \"$3/input\" > \"$3/jexim.out\"";
            Process p = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh",
                    rc.toString(), conf.toString(), dir.toString(), java, System.getProperty("java.class.path"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
            assertEquals(true, p.waitFor(600, TimeUnit.SECONDS), "the -be runs did not finish");
            List<String> exim = split(read(dir.resolve("exim.out")), corpus.size());
            List<String> jexim = split(read(dir.resolve("jexim.out")), corpus.size());
            // the oracle really used the test's server: its first answer is a.test's addresses
            assertEquals("> 192.0.2.1\n192.0.2.2\n", exim.get(0), "exim4: " + read(dir.resolve("exim.out")));
            Map<String, String> known = knownDifferences("/lookups/dnsdb-known-differences.txt");
            List<String> problems = new ArrayList<>();
            int agree = 0;
            for (int i = 0; i < corpus.size(); i++) {
                String line = corpus.get(i);
                if (exim.get(i).equals(jexim.get(i))) {
                    agree++;
                    if (known.containsKey(line)) {
                        problems.add("listed as a known difference but agrees now: " + line);
                    }
                } else if (!known.containsKey(line)) {
                    problems.add(line + "\n   exim:  " + exim.get(i).replace("\n", "\\n")
                            + "\n   jexim: " + jexim.get(i).replace("\n", "\\n"));
                }
            }
            System.out.println("dnsdb corpus: " + corpus.size() + " strings, " + agree + " agree, " + known.size()
                    + " known differences");
            if (!problems.isEmpty()) {
                fail(problems.size() + " disagreements with exim4 -be:\n" + String.join("\n", problems));
            }
        }
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "";
    }

    /** The corpus: one expansion string a line, "# " comments and blank lines skipped. */
    private static List<String> lines(String resource) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : resourceText(resource).split("\n")) {
            if (!l.isEmpty() && !l.startsWith("# ")) {
                out.add(new String(l.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    /** Lines of "STRING TAB reason". */
    private static Map<String, String> knownDifferences(String resource) throws IOException {
        Map<String, String> m = new java.util.HashMap<>();
        for (String l : resourceText(resource).split("\n")) {
            int tab = l.indexOf('\t');
            if (!l.startsWith("#") && tab > 0) {
                m.put(l.substring(0, tab), l.substring(tab + 1));
            }
        }
        return m;
    }

    private static String resourceText(String resource) throws IOException {
        try (var in = DnsdbAgainstEximTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Each string followed by a marker line, so that the outputs can be split per string. */
    private static byte[] input(List<String> corpus) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < corpus.size(); i++) {
            b.append(corpus.get(i)).append("\n@@@@").append(i).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String> split(String out, int n) {
        List<String> r = new ArrayList<>();
        int pos = 0;
        for (int i = 0; i < n; i++) {
            int m = out.indexOf("> @@@@" + i + "\n", pos);
            r.add(m < 0 ? "<missing output>" : out.substring(pos, m));
            pos = m < 0 ? pos : m + ("> @@@@" + i + "\n").length();
        }
        return r;
    }
}

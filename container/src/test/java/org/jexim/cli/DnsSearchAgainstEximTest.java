package org.jexim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jexim.testkit.EximOracle;
import org.jexim.testkit.LoopbackDnsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dnslookup's qualify_single and search_parents against exim4 -bt: a single-label domain gets the
 * resolver's first search domain, a dotted one not found as it is gets each search domain with
 * search_parents, and the address with the domain found starts again at the first router. Both
 * ask the DNS server the test runs on 127.0.0.154:53; exim4's search list is the "search" line of
 * the resolv.conf bound in its mount namespace, jexim's the JEXIM_DNS_SEARCH macro.
 */
class DnsSearchAgainstEximTest {
    @TempDir
    Path dir;

    @Test
    void qualifySingleAndSearchParentsAgreeWithExim() throws Exception {
        assumeTrue(EximOracle.canUseTestDns(), "needs exim4, root and unshare");
        try (LoopbackDnsServer dns = new LoopbackDnsServer(Map.of("example.", resource("search.zone")), dir,
                "127.0.0.154", 53)) {
            dns.search("sub.example");
            Path conf = EximOracle.configure(dir, resource("search.conf").replace("DNSSERVER", dns.servers()));
            List<String> differences = new ArrayList<>();
            List<String> addresses = resource("search.addresses").lines().filter(l -> !l.isBlank()).toList();
            for (String a : addresses) {
                compare(conf, dns, List.of("-bt", a), differences);
            }
            List<String> all = new ArrayList<>(List.of("-bv"));
            all.addAll(addresses);
            compare(conf, dns, all, differences);
            assertEquals(List.of(), differences);
        }
    }

    private static void compare(Path conf, LoopbackDnsServer dns, List<String> args, List<String> differences)
            throws Exception {
        String exim = EximOracle.run(conf, dns, "", args.toArray(new String[0]));
        List<String> full = new ArrayList<>(List.of("-C", conf.toString()));
        full.addAll(args);
        CommandLine line = Main.parse(full.toArray(new String[0]));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        line.out = new PrintStream(bytes, true, StandardCharsets.ISO_8859_1);
        line.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.ISO_8859_1);
        Main.run(line);
        String jexim = bytes.toString(StandardCharsets.ISO_8859_1);
        if (!exim.equals(jexim)) {
            differences.add(String.join(" ", args) + "\n--- exim4\n" + exim + "--- jexim\n" + jexim);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DnsSearchAgainstEximTest.class.getResourceAsStream("/routing/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}

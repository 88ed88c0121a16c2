package org.jexim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jexim.testkit.EximOracle;
import org.jexim.testkit.LoopbackDnsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of the dnslookup router: exim4 -bt and jexim -bt route the same addresses
 * (MX, SRV, A fallback, widen_domains, mx_domains, mx_fail_domains, srv_fail_domains,
 * fail_defer_domains, check_secondary_mx, ignore_target_hosts, self) against the same zone,
 * served by a real DNS server on 127.0.0.154:53 that the test runs. exim4 reads only
 * /etc/resolv.conf, so it runs in a private mount namespace (root and unshare needed; skipped
 * otherwise); jexim is pointed at the server with JEXIM_DNS_SERVERS.
 */
class DnslookupAgainstEximTest {
    @TempDir
    Path dir;

    @Test
    void dnslookupAgreesWithExim() throws Exception {
        assumeTrue(EximOracle.canUseTestDns(), "needs exim4, root and unshare");
        try (LoopbackDnsServer dns = new LoopbackDnsServer(Map.of("example.", resource("dns.zone")), dir,
                "127.0.0.154", 53)) {
            dns.servfail("broken.example");
            dns.servfail("srvfail.example");
            dns.servfail("_smtp._tcp.srvfail.example");
            Path conf = EximOracle.configure(dir, resource("dns.conf").replace("DNSSERVER", dns.servers()));
            List<String> differences = new ArrayList<>();
            List<String> addresses = resource("dns.addresses").lines().filter(l -> !l.isBlank()).toList();
            for (String mode : List.of("-bt", "-bv")) {
                for (String a : addresses) {
                    compare(conf, dns, List.of(mode, a), differences);
                }
                List<String> all = new ArrayList<>(List.of(mode));
                all.addAll(addresses);
                compare(conf, dns, all, differences);
            }
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
        try (InputStream in = DnslookupAgainstEximTest.class.getResourceAsStream("/routing/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}

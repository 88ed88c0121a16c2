package org.jexim.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.testkit.LoopbackDnsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dnslookup router against a real DNS server on loopback serving a zone this test writes;
 * the expected -bt text follows Exim's documented behaviour and verify.c's format (exim4 itself
 * cannot be pointed at another resolver).
 */
class DnslookupTest {
    private static final String ZONE = """
            $ORIGIN example.
            $TTL 300
            @        IN SOA ns.example. hostmaster.example. 1 3600 600 86400 300
            @        IN NS  ns.example.
            ns       IN A   198.51.100.53
            mx1      IN MX  20 mail2.example.
            mx1      IN MX  10 mail1.example.
            mail1    IN A   198.51.100.1
            mail2    IN A   198.51.100.2
            mail2    IN AAAA 2001:db8::2
            aonly    IN A   198.51.100.3
            mxonly   IN A   198.51.100.4
            selfmx   IN MX  5 lo.example.
            lo       IN A   127.0.0.1
            halfself IN MX  10 mail1.example.
            halfself IN MX  20 lo.example.
            selfa    IN A   127.0.0.1
            dangling IN MX  10 nowhere.example.
            ignored  IN A   198.51.100.99
            txtonly  IN TXT "no address here"
            short.widen IN MX 10 mail1.example.
            """;

    @TempDir
    Path dir;
    private LoopbackDnsServer server;
    private RoutingEngine engine;
    private RoutingContext context;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackDnsServer("example.", ZONE, dir);
        engine = new RoutingEngine(List.of(
                RouterFactory.create("dns", "dnslookup", RoutingEngineTest.options(
                        "domains", "! +local_domains", "transport", "remote_smtp", "widen_domains", "widen.example",
                        "mx_domains", "mxonly.example", "ignore_target_hosts", "198.51.100.99", "no_more", "true",
                        "more", "false"))));
        context = new RoutingContext(RoutingEngineTest.LISTS, "vm",
                Map.of(RouteDns.SERVERS_VARIABLE, server.servers(), "_verify", "test"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String bt(String address) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AddressVerifier v = new AddressVerifier(engine, t -> false, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        v.verify(AddressItem.of(address), address, context, true, true);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void mxHostsInPreferenceOrderWithTheirAddresses() {
        assertThat(bt("u@mx1.example")).isEqualTo("""
                u@mx1.example
                  router = dns, transport = remote_smtp
                  host mail1.example [198.51.100.1] MX=10
                  host mail2.example [2001:db8::2]  MX=20
                  host mail2.example [198.51.100.2] MX=20
                """);
    }

    @Test
    void withoutMxTheDomainsOwnAddress() {
        assertThat(bt("u@aonly.example")).isEqualTo("""
                u@aonly.example
                  router = dns, transport = remote_smtp
                  host aonly.example [198.51.100.3]
                """);
    }

    @Test
    void mxDomainsRequireAnMxRecord() {
        assertThat(bt("u@mxonly.example")).isEqualTo("u@mxonly.example is undeliverable: Unrouteable address\n");
    }

    @Test
    void nonExistentDomainsAreWidened() {
        assertThat(bt("u@short")).isEqualTo("""
                u@short.widen.example
                    <-- u@short
                  router = dns, transport = remote_smtp
                  host mail1.example [198.51.100.1] MX=10
                """);
        assertThat(bt("u@nosuch.example")).isEqualTo("u@nosuch.example is undeliverable: Unrouteable address\n");
    }

    @Test
    void theLocalHostInTheMxListIsEximsSelfCase() {
        assertThat(bt("u@selfmx.example")).isEqualTo(
                "u@selfmx.example cannot be resolved at this time: lowest numbered MX record points to local host\n");
        assertThat(bt("u@halfself.example")).isEqualTo("""
                u@halfself.example
                  router = dns, transport = remote_smtp
                  host mail1.example [198.51.100.1] MX=10
                """);
        assertThat(bt("u@selfa.example")).isEqualTo(
                "u@selfa.example cannot be resolved at this time: remote host address is the local host\n");
    }

    @Test
    void hostsWithoutAddressesIgnoredTargetsAndNoRecordsDecline() {
        assertThat(bt("u@dangling.example")).isEqualTo(
                "u@dangling.example is undeliverable: all relevant MX records point to non-existent hosts\n");
        assertThat(bt("u@ignored.example")).isEqualTo("u@ignored.example is undeliverable: Unrouteable address\n");
        assertThat(bt("u@txtonly.example")).isEqualTo("u@txtonly.example is undeliverable: Unrouteable address\n");
    }
}

package org.jexim.dnslists;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jexim.acl.AclOutcome;
import org.jexim.acl.AclServices;
import org.jexim.acl.AclSubject;
import org.jexim.conf.model.ListKind;
import org.jexim.lists.ListContext;
import org.jexim.testkit.LoopbackDnsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One dnslists condition of a running server serves many connections: each connection asks the
 * DNS once per list entry (A, then TXT when listed), whatever the number of checks, and the
 * next connection asks again, as each Exim process serving a connection starts with an empty
 * cache. Counted at a real loopback DNS server.
 */
class DnsListsConnectionCacheTest {
    private static final String ZONE = String.join("\n", "$TTL 300", "@ IN SOA ns.bl.test. h.bl.test. 1 3600 600 86400 300",
            "@ IN NS ns.bl.test.", "2.0.0.127 IN A 127.0.0.2", "2.0.0.127 IN TXT \"listed\"", "");

    @TempDir
    Path dir;

    @Test
    void eachConnectionAsksOncePerName() throws Exception {
        try (LoopbackDnsServer dns = new LoopbackDnsServer("bl.test.", ZONE, dir)) {
            ListContext lists = new ListContext() {
                @Override
                public Optional<String> namedList(ListKind kind, String name) {
                    return Optional.empty();
                }

                @Override
                public String primaryHostname() {
                    return "mx.test";
                }
            };
            AclServices services = new AclServices(lists,
                    name -> name.equals("JEXIM_DNS_SERVERS") ? Optional.of(dns.servers()) : Optional.empty());
            DnsListsAclCondition condition = new DnsListsAclCondition(services);
            for (int connection = 1; connection <= 2; connection++) {
                Map<String, String> session = new HashMap<>();
                dns.clearQuestions();
                for (String rcpt : new String[] {"u1", "u2", "u3"}) {
                    AclSubject subject = new AclSubject("127.0.0.2", "client.example", "a@example.org", rcpt, "mx.test", session);
                    assertThat(condition.test("bl.test", null, subject)).isEqualTo(AclOutcome.TRUE);
                    assertThat(subject.variable("dnslist_text")).contains("listed");
                }
                assertThat(dns.questions()).as("connection " + connection)
                        .containsExactly("2.0.0.127.bl.test A", "2.0.0.127.bl.test TXT");
            }
        }
    }
}

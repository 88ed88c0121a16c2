package org.jexim.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class LoopbackDnsServerTest {
    @TempDir Path dir;

    private static final String ZONE = String.join("\n",
            "$TTL 300",
            "@ IN SOA ns.example.com. hostmaster.example.com. 1 3600 600 86400 300",
            "@ IN NS ns.example.com.",
            "ns IN A 127.0.0.1",
            "alias IN CNAME ns",
            "big IN TXT " + ("\"" + "a".repeat(250) + "\" ").repeat(8),
            "");

    private Message ask(LoopbackDnsServer s, String name, int type, boolean tcp) throws Exception {
        SimpleResolver r = new SimpleResolver(new InetSocketAddress("127.0.0.1", s.port()));
        r.setTCP(tcp);
        r.setIgnoreTruncation(true);
        r.setTimeout(Duration.ofSeconds(2));
        return r.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    @Test
    void answersOverUdpAndTcpOnOnePort() throws Exception {
        try (LoopbackDnsServer s = new LoopbackDnsServer("example.com.", ZONE, dir)) {
            assertThat(s.servers()).isEqualTo("127.0.0.1:" + s.port());
            for (boolean tcp : new boolean[] {false, true}) {
                Message m = ask(s, "ns.example.com.", Type.A, tcp);
                assertThat(((ARecord) m.getSection(Section.ANSWER).get(0)).getAddress().getHostAddress())
                        .isEqualTo("127.0.0.1");
            }
        }
    }

    @Test
    void largeTxtIsTruncatedOverUdpAndWholeOverTcp() throws Exception {
        try (LoopbackDnsServer s = new LoopbackDnsServer("example.com.", ZONE, dir)) {
            Message udp = ask(s, "big.example.com.", Type.TXT, false);
            assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
            Message tcp = ask(s, "big.example.com.", Type.TXT, true);
            TXTRecord txt = (TXTRecord) tcp.getSection(Section.ANSWER).get(0);
            assertThat(String.join("", txt.getStrings())).hasSize(2000);
        }
    }

    @Test
    void nxdomainCnameAndServfail() throws Exception {
        try (LoopbackDnsServer s = new LoopbackDnsServer("example.com.", ZONE, dir)) {
            assertThat(ask(s, "nope.example.com.", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
            assertThat(ask(s, "elsewhere.org.", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
            assertThat(ask(s, "alias.example.com.", Type.A, false).getSection(Section.ANSWER)).hasSize(2);
            s.servfail("ns.example.com");
            assertThat(ask(s, "ns.example.com.", Type.A, false).getRcode()).isEqualTo(Rcode.SERVFAIL);
        }
    }
}

package org.jexim.acl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jexim.acl.ratelimit.RateFile;
import org.jexim.conf.model.Acl;
import org.jexim.conf.model.AclItem;
import org.jexim.conf.model.AclStatement;
import org.jexim.conf.model.AclVerb;
import org.jexim.lists.ListMatcherTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** udpsend to a real socket, ratelimit with its file store across engines, add_header placement, a registered condition. */
class AclModifiersTest {
    @TempDir
    Path spool;

    static AclItem item(String name, String value, boolean modifier) {
        return new AclItem(name, false, modifier, value, null);
    }

    static Acl acl(AclVerb verb, AclItem... items) {
        return new Acl("a", List.of(new AclStatement(verb, List.of(items), null)), null);
    }

    @Test
    void udpsendSendsThePayloadToTheSocket() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            AclEngine e = new AclEngine(Map.of("a", acl(AclVerb.ACCEPT,
                    item("udpsend", "127.0.0.1 : " + socket.getLocalPort() + " : from $sender_host_address", true))),
                    ListMatcherTest.CONTEXT);
            AclResult r = e.run("a", new AclSubject("192.0.2.7", "h", "a@b", "x", "y"));
            assertThat(r.verdict()).isEqualTo(AclVerdict.ACCEPT);
            DatagramPacket p = new DatagramPacket(new byte[100], 100);
            socket.receive(p);
            assertThat(new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1)).isEqualTo(" from 192.0.2.7");
        }
    }

    @Test
    void ratelimitCountsAcrossRestartsInTheHintsFile() {
        Acl rl = acl(AclVerb.DENY, item("ratelimit", "2 / 1h / strict", false),
                item("message", "rate $sender_rate of $sender_rate_limit per $sender_rate_period", true));
        AclResult last = null;
        for (int i = 0; i < 3; i++) {
            // a new engine each time, as a new process: only the file remembers
            AclEngine e = new AclEngine(Map.of("a", rl),
                    AclServices.of(ListMatcherTest.CONTEXT).withRates(new RateFile(spool)));
            last = e.run(AclWhere.MAIL, "a", new AclSubject("192.0.2.7", "h", "a@b", null, null));
        }
        assertThat(last.verdict()).isEqualTo(AclVerdict.DENY);
        assertThat(last.message().orElseThrow()).startsWith("rate ").endsWith(" of 2 per 1h");
        assertThat(spool.resolve("db/ratelimit")).exists();
    }

    @Test
    void ratelimitOptionErrorsAreAclErrors() {
        AclEngine e = new AclEngine(Map.of("a", acl(AclVerb.DENY, item("ratelimit", "2 / 1h / per_conn / per_mail", false))),
                ListMatcherTest.CONTEXT);
        AclResult r = e.run(AclWhere.MAIL, "a", new AclSubject("192.0.2.7", "h", "a@b", null, null));
        assertThat(r.verdict()).isEqualTo(AclVerdict.ERROR);
        assertThat(r.logMessage().orElseThrow())
                .isEqualTo("error in arguments to \"ratelimit\" condition: conflicting per_* options");
    }

    @Test
    void addHeaderPlacementsAndWarnMessagesReachTheEffects() {
        AclEngine e = new AclEngine(Map.of("a", new Acl("a", List.of(
                new AclStatement(AclVerb.WARN, List.of(item("add_header", ":at_start:X-First: 1\nX-Last: 2", true)), null),
                new AclStatement(AclVerb.WARN, List.of(item("message", "not a header line", true)), null),
                new AclStatement(AclVerb.ACCEPT, List.of(item("remove_header", "Received : X-Old:", true)), null)), null)),
                ListMatcherTest.CONTEXT);
        AclSubject s = new AclSubject("192.0.2.7", "h", "a@b", "x", "y");
        assertThat(e.run(AclWhere.RCPT, "a", s).verdict()).isEqualTo(AclVerdict.ACCEPT);
        assertThat(s.effects().addedHeaders()).containsExactly(
                new AclEffects.AddedHeader("X-First: 1\n", AclEffects.Placement.AT_START),
                new AclEffects.AddedHeader("X-Last: 2\n", AclEffects.Placement.AT_END),
                new AclEffects.AddedHeader("X-ACL-Warn: not a header line\n", AclEffects.Placement.AT_END));
        assertThat(s.effects().removedHeaders()).containsExactly("Received", "X-Old");
    }

    @Test
    void aConditionDeferringMakesTheStatementDefer() {
        AclConditionTable table = new AclConditionTable(AclServices.of(ListMatcherTest.CONTEXT));
        table.register(AclConditionDef.condition("bmi_optin", (v, i, s) -> AclOutcome.defer("backend down")));
        assertThat(table.get("bmi_optin").condition()).isNotNull();
        AclEngine e = new AclEngine(Map.of("a", acl(AclVerb.DENY, item("condition", "maybe", false))),
                ListMatcherTest.CONTEXT);
        AclResult r = e.run(AclWhere.RCPT, "a", new AclSubject("192.0.2.7", "h", "a@b", "x", "y"));
        assertThat(r.verdict()).isEqualTo(AclVerdict.DEFER);
        assertThat(r.logMessage().orElseThrow()).isEqualTo("invalid \"condition\" value \"maybe\"");
    }
}

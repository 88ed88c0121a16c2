package org.jexim.acl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jexim.conf.model.Acl;
import org.jexim.conf.model.AclItem;
import org.jexim.conf.model.AclStatement;
import org.jexim.conf.model.AclVerb;
import org.jexim.lists.ListMatcherTest;
import org.junit.jupiter.api.Test;

/** The RCPT ACL of jexim's default configure, run on the cases of the Done-when checks. */
class AclEngineTest {
    static AclItem cond(String name, String value) {
        return new AclItem(name, false, false, value, null);
    }

    static AclItem notCond(String name, String value) {
        return new AclItem(name, true, false, value, null);
    }

    static AclItem message(String value) {
        return new AclItem("message", false, true, value, null);
    }

    static final Acl RCPT = new Acl("acl_check_rcpt", List.of(
            new AclStatement(AclVerb.ACCEPT, List.of(cond("hosts", ":")), null),
            new AclStatement(AclVerb.DENY, List.of(message("Restricted characters in address"),
                    cond("domains", "+local_domains"), cond("local_parts", "^[.] : ^.*[@%!/|]")), null),
            new AclStatement(AclVerb.ACCEPT, List.of(cond("local_parts", "postmaster"),
                    cond("domains", "+local_domains")), null),
            new AclStatement(AclVerb.ACCEPT, List.of(cond("hosts", "+relay_from_hosts")), null),
            new AclStatement(AclVerb.REQUIRE, List.of(message("relay not permitted"),
                    cond("domains", "+local_domains")), null),
            new AclStatement(AclVerb.ACCEPT, List.of(), null)), null);

    final AclEngine engine = new AclEngine(Map.of("acl_check_rcpt", RCPT), ListMatcherTest.CONTEXT);

    AclResult rcpt(String ip, String localPart, String domain) {
        return engine.run("acl_check_rcpt", new AclSubject(ip, "client", "a@b.example", localPart, domain));
    }

    @Test
    void relayFromOutsideIsRefusedWithTheAclMessage() {
        AclResult r = rcpt("127.0.0.2", "x", "remote.example");
        assertThat(r.verdict()).isEqualTo(AclVerdict.DENY);
        assertThat(r.message()).contains("relay not permitted");
    }

    @Test
    void localDeliveryAndRelayFromLocalhostAreAccepted() {
        assertThat(rcpt("127.0.0.2", "postmaster", "localhost").verdict()).isEqualTo(AclVerdict.ACCEPT);
        assertThat(rcpt("127.0.0.1", "x", "remote.example").verdict()).isEqualTo(AclVerdict.ACCEPT);
        assertThat(rcpt(null, "x", "remote.example").verdict()).isEqualTo(AclVerdict.ACCEPT);
        assertThat(rcpt("127.0.0.2", "jexim", "localhost").verdict()).isEqualTo(AclVerdict.ACCEPT);
    }

    @Test
    void restrictedCharactersAreDenied() {
        AclResult r = rcpt("127.0.0.1", ".a", "localhost");
        assertThat(r.verdict()).isEqualTo(AclVerdict.DENY);
        assertThat(r.message()).contains("Restricted characters in address");
    }

    @Test
    void falling_off_the_end_denies_and_unknown_conditions_give_a_temporary_error() {
        Acl acl = new Acl("a", List.of(new AclStatement(AclVerb.ACCEPT, List.of(notCond("hosts", "*")), null)), null);
        Acl verify = new Acl("v", List.of(new AclStatement(AclVerb.REQUIRE, List.of(cond("bmi_optin", "x")), null)), null);
        AclEngine e = new AclEngine(Map.of("a", acl, "v", verify), ListMatcherTest.CONTEXT);
        AclSubject s = new AclSubject("1.2.3.4", null, "", "x", "y");
        assertThat(e.run("a", s).verdict()).isEqualTo(AclVerdict.DENY);
        AclResult r = e.run("v", s);
        assertThat(r.verdict()).isEqualTo(AclVerdict.ERROR);
        assertThat(r.logMessage().orElseThrow()).contains("\"bmi_optin\" is not implemented");
    }
}
